import { testCheck } from '../../../helpers/checkTester';
import check from '../../../../server/src/checks/ap-style/said';

testCheck(check, {
  valid: [
    'Jane Doe said the plan would work.',
    { name: 'an adjective', text: 'The stated goal is growth; its stated aim and his stated view differ.' },
    { name: 'as stated', text: 'As stated in the report, costs rose.' },
    { name: 'passive', text: 'It was stated in the filing that costs rose.' },
    { name: 'remarked on a topic is not attribution of words', text: 'He remarked on the disunity in the region.' },
    { name: 'a possessive before the verb', text: "Doe's stated aim, she said, is growth." },
    { name: 'that year', text: 'The amount Doe stated that year was wrong.' },
    { name: 'inside a quotation', text: 'She said: “Officials stated that the road was safe.”' },
    { name: 'a verb form with a different meaning', text: 'The law states that fees apply; the figures were restated.' },
  ],
  invalid: [
    {
      name: 'stated that → said that, a safe fix',
      text: 'Jane Doe stated that the port would reopen.',
      findings: [{ messageId: 'said', flagged: 'stated', data: { actual: 'stated' } }],
      output: 'Jane Doe said that the port would reopen.',
    },
    {
      name: 'pronoun, adverb between, and a day',
      text: 'She later stated Monday that fees would rise.',
      findings: [{ messageId: 'said', flagged: 'stated' }],
      output: 'She later said Monday that fees would rise.',
    },
    {
      name: 'after a quotation, inverted',
      text: '“We will rebuild,” stated Mayor Ana Ruiz.',
      findings: [{ messageId: 'said', flagged: 'stated' }],
      output: '“We will rebuild,” said Mayor Ana Ruiz.',
    },
    {
      name: 'exclaimed is only suggested: it carries a manner',
      text: '“We won!” she exclaimed.',
      findings: [{ messageId: 'said', flagged: 'exclaimed', suggestions: ['“We won!” she said.'] }],
    },
    {
      name: 'opined and remarked are suggested',
      text: 'The spokeswoman opined that it was fair. Doe remarked, "It will pass."',
      findings: [
        { messageId: 'said', flagged: 'opined', suggestions: ['The spokeswoman said that it was fair. Doe remarked, "It will pass."'] },
        { messageId: 'said', flagged: 'remarked', suggestions: ['The spokeswoman opined that it was fair. Doe said, "It will pass."'] },
      ],
    },
    {
      name: 'has stated, in a statement',
      text: 'The company has stated in a statement that it will appeal.',
      findings: [{ messageId: 'said', flagged: 'stated' }],
      output: 'The company has said in a statement that it will appeal.',
    },
  ],
});
