import { bar, expect, ringCaller, test, waitConnected } from './fixtures';
import { demoConfig, importConfig } from './import-config';

const GIULIA = {
  number: '+39 02 4869 1234',
  name: 'Giulia Romano',
  queue: 'Billing',
  data: { customerId: 'C-30851' },
};

const caseFormRule = (on: string) => ({
  id: 'case-form',
  match: 'http://127.0.0.1/case-form.html*',
  on,
  fields: [
    { selector: '#case-phone', value: '{e164}' },
    { selector: '#case-name', value: '{name}' },
    { selector: '#case-queue', value: '{queue}' },
    { selector: '#case-subject', value: 'Call from {name}' },
    { selector: '#case-notes', value: 'Customer {vendor.customerId} called {queue}' },
  ],
});

/** The form component's own state, as the fixture page renders it. */
async function formState(page: import('@playwright/test').Page): Promise<Record<string, string>> {
  return JSON.parse((await page.locator('#case-state').textContent()) ?? '{}');
}

test('an autofill rule fills a preact/compat controlled form whose own state then holds the values', async ({
  crm,
  ext,
}) => {
  await importConfig(ext, demoConfig({ autofill: [caseFormRule('answered')] }));
  await waitConnected(ext);
  const page = await crm('/case-form.html');
  await expect(bar(page)).toBeVisible();
  const subjectBefore = await page.locator('#case-subject').inputValue();
  expect(subjectBefore).not.toBe('');

  await ringCaller(ext, GIULIA);
  // Ringing is not the rule's moment.
  await page.waitForTimeout(700);
  await expect(page.locator('#case-phone')).toHaveValue('');
  await bar(page).getByRole('button', { name: 'Answer', exact: true }).click();

  await expect(page.locator('#case-phone')).toHaveValue('+390248691234');
  await expect(page.locator('#case-name')).toHaveValue('Giulia Romano');
  await expect(page.locator('#case-queue')).toHaveValue('Billing');
  await expect(page.locator('#case-notes')).toHaveValue('Customer C-30851 called Billing');
  // A field that already had text keeps it: the rule does not say overwrite.
  await expect(page.locator('#case-subject')).toHaveValue(subjectBefore);
  // The component's state (not just the DOM) holds the values.
  await expect
    .poll(() => formState(page))
    .toMatchObject({
      phone: '+390248691234',
      name: 'Giulia Romano',
      queue: 'Billing',
      subject: subjectBefore,
      notes: 'Customer C-30851 called Billing',
    });
});

test('a manual rule fills only from the bar’s "Fill form" button', async ({ crm, ext }) => {
  await importConfig(ext, demoConfig({ autofill: [caseFormRule('manual')] }));
  await waitConnected(ext);
  const page = await crm('/case-form.html');
  await ringCaller(ext, GIULIA);
  await bar(page).getByRole('button', { name: 'Answer', exact: true }).click();
  await page.waitForTimeout(700);
  await expect(page.locator('#case-phone')).toHaveValue('');
  await bar(page).getByRole('button', { name: 'Fill form', exact: true }).click();
  await expect(page.locator('#case-phone')).toHaveValue('+390248691234');
  await expect.poll(async () => (await formState(page)).name).toBe('Giulia Romano');
});

test('"Fill form" is absent where no rule matches', async ({ crm, ext }) => {
  await importConfig(ext, demoConfig({ autofill: [caseFormRule('manual')] }));
  await waitConnected(ext);
  const page = await crm('/index.html');
  await ringCaller(ext, GIULIA);
  await expect(bar(page).getByRole('button', { name: 'Answer', exact: true })).toBeVisible();
  await expect(bar(page).getByRole('button', { name: 'Fill form', exact: true })).toHaveCount(0);
});
