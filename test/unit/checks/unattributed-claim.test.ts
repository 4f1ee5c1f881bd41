import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/unattributed-claim';

testCheck(check, {
  valid: [
    'The new rates take effect on March 1.',
    'The clinic is open weekdays from 9 a.m. to 5 p.m.',
    { name: 'due to as a schedule, not a cause', text: 'The review is due to be published in the autumn.' },
    { name: 'attributed by a verb of saying', text: 'Leaders in the region are eager to keep trade open, the foreign minister said.' },
    { name: 'attributed to a document', text: 'According to county records, the council is expected to approve the sale.' },
    { name: 'attributed by a spokesperson', text: 'A company spokesperson said the plant would likely close in May.' },
    { name: 'the attribution carries into the next sentence', text: 'The mayor said the plan was overdue. She added that residents are eager to see work begin.' },
    { name: 'a quotation is the source speaking', text: 'He said: "Voters are furious and want change."' },
    { name: 'headlines are not claims', text: 'Voters Eager for Change\n\nPolls open at 7 a.m. on Tuesday.\n' },
    { name: 'as highlighted by a named source', text: 'Countries feel vulnerable due to the tariffs, as highlighted by Ana Ruiz of the Trade Institute.' },
  ],
  invalid: [
    {
      name: 'a feeling ascribed to a group',
      text: 'Leaders in the region are eager to preserve their ties with the capital.',
      findings: [{ messageId: 'motive', flagged: 'Leaders in the region are eager to preserve their ties with the capital.', suggestions: ['Leaders in the region are eager to preserve their ties with the capital, according to [source].'] }],
    },
    { name: 'a purpose claim', text: 'The policy serves to relieve pressure on hospitals.', findings: [{ messageId: 'cause', flagged: 'The policy serves to relieve pressure on hospitals.' }] },
    { name: 'a prediction', text: 'The talks will likely collapse by Friday.', findings: [{ messageId: 'prediction', flagged: 'The talks will likely collapse by Friday.' }] },
    { name: 'a generalisation', text: 'The region has frequently been ignored by the capital.', findings: [{ messageId: 'generalisation', flagged: 'The region has frequently been ignored by the capital.' }] },
    { name: 'a judgement in loaded words', text: 'The draconian rules hit small traders hardest.', findings: [{ messageId: 'evaluation', flagged: 'The draconian rules hit small traders hardest.' }] },
    {
      name: 'an attributed sentence does not cover the next paragraph',
      text: 'The mayor said the plan was overdue.\n\nResidents are eager to see work begin.',
      findings: [{ messageId: 'motive', flagged: 'Residents are eager to see work begin.' }],
    },
  ],
});
