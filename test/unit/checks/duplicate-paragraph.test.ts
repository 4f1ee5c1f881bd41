import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/duplicate-paragraph';

const lede = 'The council voted 7-2 on Tuesday to fund the harbour plan.';
const second = 'Work on the new sea wall is due to start in the spring.';
const third = 'Opponents said the cost had doubled since 2021.';

testCheck(check, {
  valid: [
    `Council backs harbour plan\n\n${lede}\n\n${second}\n`,
    { name: 'a repeated line under three words is not a paragraph worth flagging', text: `Read more\n\n${lede}\n\nRead more\n` },
    { name: 'repeated code in Markdown is not prose', format: 'markdown', text: `${lede}\n\n\`\`\`\n${lede}\n\`\`\`\n` },
    { name: 'same words in a different order', text: `${lede}\n\nOn Tuesday the council voted 7-2 to fund the harbour plan.\n` },
  ],
  invalid: [
    {
      name: 'a repeated paragraph, blank-line separated',
      text: `Council backs harbour plan\n\n${lede}\n\n${second}\n\n${lede}\n\n${third}\n`,
      findings: [{ messageId: 'duplicate', flagged: lede, data: { kind: 'paragraph', line: '3' }, related: [lede] }],
      output: `Council backs harbour plan\n\n${lede}\n\n${second}\n\n${third}\n`,
    },
    {
      name: 'copies that differ only in case, spacing, quote and dash style',
      text: `“We won’t wait,” the mayor said — again.\n\n${second}\n\n"We WON'T  wait," the mayor said – again.\n`,
      findings: [{ messageId: 'duplicate', flagged: `"We WON'T  wait," the mayor said – again.` }],
      output: `“We won’t wait,” the mayor said — again.\n\n${second}\n`,
    },
    {
      name: 'a repeated headline in a one-paragraph-per-line draft',
      text: `Mayor Opens New Library\nThe mayor opened the library on Monday after two years of building work by the city.\nMayor Opens New Library\nVisitors queued from dawn to see the reading room, which holds 40,000 books and a cafe.\n`,
      findings: [{ messageId: 'duplicate', flagged: 'Mayor Opens New Library', data: { kind: 'headline', line: '1' } }],
      output: `Mayor Opens New Library\nThe mayor opened the library on Monday after two years of building work by the city.\nVisitors queued from dawn to see the reading room, which holds 40,000 books and a cafe.\n`,
    },
    {
      name: 'a repeated run is one block: each copy flagged, one suggestion removes the block',
      text: `${lede}\n\n${second}\n\n${third}\n\n${lede}\n\n${second}\n\nThe vote follows a year of public meetings.\n`,
      findings: [
        {
          messageId: 'duplicateInBlock',
          flagged: lede,
          data: { line: '1', count: '2', from: '7', to: '9', originalFrom: '1', originalTo: '3' },
          suggestions: [`${lede}\n\n${second}\n\n${third}\n\nThe vote follows a year of public meetings.\n`],
        },
        {
          messageId: 'duplicateInBlock',
          flagged: second,
          suggestions: [`${lede}\n\n${second}\n\n${third}\n\nThe vote follows a year of public meetings.\n`],
        },
      ],
      output: `${lede}\n\n${second}\n\n${third}\n\nThe vote follows a year of public meetings.\n`,
    },
    {
      name: 'the smaller separator goes, keeping the blank line after the headline',
      text: `Harbour plan approved\n\nHarbour plan approved\n${lede}\n`,
      findings: [{ messageId: 'duplicate', flagged: 'Harbour plan approved' }],
      output: `Harbour plan approved\n\n${lede}\n`,
    },
    {
      name: 'the last paragraph of a CRLF draft takes the separator before it and keeps the final line break',
      text: `${lede}\r\n\r\n${second}\r\n\r\n${lede}\r\n`,
      findings: [{ messageId: 'duplicate', flagged: lede }],
      output: `${lede}\r\n\r\n${second}\r\n`,
    },
    {
      name: 'the last paragraph without a final line break',
      text: `${lede}\n${second}\n${lede}`,
      findings: [{ messageId: 'duplicate', flagged: lede }],
      output: `${lede}\n${second}`,
    },
    {
      name: 'three copies: both later ones point at the first',
      text: `${lede}\n\n${lede}\n\n${lede}\n`,
      findings: [
        { messageId: 'duplicate', flagged: lede, data: { line: '1' } },
        { messageId: 'duplicate', flagged: lede, data: { line: '1' } },
      ],
      output: `${lede}\n`,
    },
    {
      name: 'a repeated Markdown list item goes with its marker',
      format: 'markdown',
      text: `- ${lede}\n- ${second}\n- ${lede}\n`,
      findings: [{ messageId: 'duplicate', flagged: lede, data: { kind: 'list item' } }],
      output: `- ${lede}\n- ${second}\n`,
    },
    {
      name: 'a repeated setext heading goes with its underline',
      format: 'markdown',
      text: `Harbour plan approved\n=====================\n\n${lede}\n\nHarbour plan approved\n=====================\n\n${second}\n`,
      findings: [{ messageId: 'duplicate', flagged: 'Harbour plan approved', data: { kind: 'headline' } }],
      output: `Harbour plan approved\n=====================\n\n${lede}\n\n${second}\n`,
    },
    {
      name: 'a paragraph repeated inside a block quote',
      format: 'markdown',
      text: `> ${lede}\n>\n> ${second}\n>\n> ${lede}\n\n${third}\n`,
      findings: [{ messageId: 'duplicate', flagged: lede }],
      output: `> ${lede}\n>\n> ${second}\n\n${third}\n`,
    },
    {
      name: 'inline markup does not hide a copy, and the whole copy goes',
      format: 'markdown',
      text: `The **council** voted on the [harbour plan](https://example.org/plan) today.\n\n${second}\n\nThe council voted on the harbour plan today.\n`,
      findings: [{ messageId: 'duplicate', flagged: 'The council voted on the harbour plan today.' }],
      output: `The **council** voted on the [harbour plan](https://example.org/plan) today.\n\n${second}\n`,
    },
  ],
});
