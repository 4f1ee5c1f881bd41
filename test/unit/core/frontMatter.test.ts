import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText } from '../../../server/src/api';

const BODY = 'The draconian rules hit traders.\n';
const ids = (text: string, settings = {}) => lintText(text, 'markdown', settings).findings.map((f) => `${f.checkId}: ${text.slice(f.span.start, f.span.end)}`);

describe('front matter copydesk settings, and precedence', () => {
  it('front matter turns a rule off for this article', () => {
    assert.deepEqual(ids(`---\ntitle: Levy\ncopydesk:\n  rules:\n    loaded-language: "off"\n---\n\n${BODY}`), ['unattributed-claim: The draconian rules hit traders.']);
  });

  it('defaults < user settings < project layers < front matter < inline comments', () => {
    const user = { rules: { 'loaded-language': 'off' } };
    const project = [{ rules: { 'loaded-language': 'hint' } }];
    const severity = (text: string, settings: object) => lintText(text, 'markdown', settings).findings.find((f) => f.checkId === 'loaded-language')?.severity ?? 'none';
    assert.equal(severity(BODY, {}), 'warning');
    assert.equal(severity(BODY, user), 'none');
    assert.equal(severity(BODY, { ...user, project }), 'hint');
    const withFront = `---\ncopydesk:\n  rules:\n    loaded-language: info\n---\n\n${BODY}`;
    assert.equal(severity(withFront, { ...user, project }), 'info');
    assert.equal(severity(`${withFront.replace(BODY, '')}<!-- copydesk-disable-next-line loaded-language -->\n${BODY}`, { ...user, project }), 'none');
  });

  it('a preset named by a project layer sits under it', () => {
    const severityOf = (settings: object) => lintText('Please write to us.\n', 'markdown', settings).findings.map((f) => `${f.checkId}/${f.severity}`);
    assert.ok(severityOf({ project: [{ extends: ['copydesk:strict'] }] }).length >= severityOf({}).length);
  });

  it('a bad key in front matter is reported where it is, and the rest still applies', () => {
    const text = `---\ncopydesk:\n  rules:\n    loaded-langage: "off"\n    unattributed-claim: "off"\n---\n\n${BODY}`;
    const found = lintText(text, 'markdown').findings;
    const problem = found.find((f) => f.checkId === 'directive');
    assert.ok(problem, 'reported');
    assert.equal(text.slice(problem.span.start, problem.span.end), 'loaded-langage');
    assert.match(problem.message, /did you mean 'loaded-language'/);
    assert.ok(!found.some((f) => f.checkId === 'unattributed-claim'));
  });

  it('broken YAML: one error, nothing applied', () => {
    const text = `---\ncopydesk:\n  rules: [unclosed\n---\n\n${BODY}`;
    const found = lintText(text, 'markdown').findings;
    assert.ok(found.some((f) => f.checkId === 'directive' && f.severity === 'error'));
    assert.ok(found.some((f) => f.checkId === 'loaded-language'));
  });

  it('plain text has no front matter', () => {
    assert.ok(lintText(`---\ncopydesk:\n  rules:\n    loaded-language: "off"\n---\n\n${BODY}`, 'plaintext').findings.some((f) => f.checkId === 'loaded-language'));
  });
});
