/**
 * @file The draft "Copydesk: Open a sample draft" (the walkthrough's first step) opens: short, and
 * with one of each thing Copydesk is for, so a first look shows what it does.
 */
export const SAMPLE_DRAFT = `# Riverside Market Hall Reopens After Two-Year Rebuild

The Riverside market hall reopened on Saturday after a two-year rebuild that cost the town council 4.2 million pounds, nearly a third more than first budgeted.

Traders returned to 38 stalls under the restored iron roof. The council said footfall on the first morning was about twice that of a normal Saturday before the closure.

Opposition councillors slammed the draconian new rents, which rise by 15 percent for most stalls from April.

The stallholders are furious and will leave within a year.

Traders returned to 38 stalls under the restored iron roof. The council said footfall on the first morning was about twice that of a normal Saturday before the closure.

The hall is open from 8 a.m. to 6 p.m., Tuesday to Saturday.
`;
