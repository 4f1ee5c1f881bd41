import { testCheck } from '../../helpers/checkTester';
import check from '../../../server/src/checks/vague-attribution';

testCheck(check, {
  valid: [
    'According to county records, the house was sold in 1990.',
    'A company spokesperson said the plant would close in May.',
    'Treasury officials said the deficit fell.',
    "The council's officials said the road would reopen.",
    'Mayor Ana Ruiz said the plan was late.',
    { name: 'inside a quotation it is the source speaking', text: 'He said "critics argue otherwise" on Monday.' },
    { name: 'an event in the passive is not an attribution', text: 'The meeting was held on Monday and was seen by 200 people.' },
    { name: 'people on their own are left to a human', text: 'People said they waited for hours.' },
    { name: 'a superlative and a noun, not attributions', text: 'She is most noted for her bridges. After some thought, the board agreed.' },
  ],
  invalid: [
    { text: 'Critics argue that the plan is flawed.', findings: [{ messageId: 'group', flagged: 'Critics argue' }] },
    { text: 'It is widely believed that the mayor will run again.', findings: [{ messageId: 'impersonal', flagged: 'It is widely believed' }] },
    { text: 'Experts believe prices will rise.', findings: [{ messageId: 'group', flagged: 'Experts believe' }] },
    { text: 'Some people say the plan is late.', findings: [{ messageId: 'group', flagged: 'Some people say' }] },
    { text: 'Many have warned about the cost.', findings: [{ messageId: 'group', flagged: 'Many have warned' }] },
    { text: 'The vote was seen as a rebuke.', findings: [{ messageId: 'passive', flagged: 'was seen as' }] },
    { text: 'He is widely regarded as the favourite.', findings: [{ messageId: 'passive', flagged: 'is widely regarded as' }] },
    { text: 'Officials said the road would reopen.', findings: [{ messageId: 'group', flagged: 'Officials said' }] },
    { text: 'According to sources, talks failed.', findings: [{ messageId: 'according', flagged: 'According to sources' }] },
    { text: 'It was rumoured that the club would move.', findings: [{ messageId: 'impersonal', flagged: 'It was rumoured' }] },
  ],
});
