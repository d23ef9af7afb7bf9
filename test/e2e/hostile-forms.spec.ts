import type { Page } from '@playwright/test';
import { bar, expect, hubState, ringCaller, test } from './fixtures';

/**
 * What a hostile page can do with the bar's open shadow root: focus a field, type into it with
 * `execCommand` (which fires a *trusted* input event) and submit the form with `requestSubmit()` (a
 * *trusted* submit event). None of that may act: only the agent's own click or Enter does.
 */
async function forgeTypingAndSubmit(page: Page, fieldLabel: string, text: string): Promise<string> {
  return page.evaluate(
    async ([label, value]) => {
      const tick = () => new Promise((resolve) => setTimeout(resolve, 100));
      const root = document.querySelector('softbar-agent-bar')!.shadowRoot!;
      const labelEl = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === label);
      if (!labelEl) throw new Error(`no field labelled ${label}`);
      const field = root.getElementById(labelEl.htmlFor) as HTMLInputElement | HTMLTextAreaElement;
      field.focus();
      document.execCommand('insertText', false, value as string);
      await tick();
      field.form?.requestSubmit();
      await tick();
      return field.value;
    },
    [fieldLabel, text] as const,
  );
}

test('a page cannot dial by typing into the dial field and submitting it', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  await expect(bar(page).getByRole('button', { name: 'Dial', exact: true })).toBeVisible();
  await forgeTypingAndSubmit(page, 'Number to dial', '+1 900 555 0199');
  await page.waitForTimeout(500);
  expect((await hubState(ext)).calls, 'no call was dialed').toHaveLength(0);
});

test('a page cannot save a call log through the bar', async ({ crm, ext }) => {
  const page = await crm('/index.html');
  const agentBar = bar(page);
  const callId = await ringCaller(ext, { number: '+44 20 7946 0958', name: 'Olivia Bennett' });
  await agentBar.getByRole('button', { name: 'Answer', exact: true }).click();
  await agentBar.getByRole('button', { name: 'Hang up', exact: true }).click();
  await expect(agentBar.getByRole('textbox', { name: 'Notes' })).toBeVisible();

  await forgeTypingAndSubmit(page, 'Notes', 'Customer asked to cancel everything');
  await page.waitForTimeout(500);
  const waiting = (await hubState(ext)).wrapUp.find((item) => item.callId === callId);
  expect(waiting, 'the log still waits for the agent').toBeDefined();
  expect(waiting?.deferred).toBe(false);

  // The agent's own click saves (whatever the page typed is visible to them first).
  await agentBar.getByRole('textbox', { name: 'Notes' }).fill('Asked about delivery');
  await agentBar.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(agentBar.getByText('Saved')).toBeVisible();
  await expect.poll(async () => (await hubState(ext)).wrapUp.length).toBe(0);
});
