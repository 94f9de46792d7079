/**
 * The header's sync line tells the truth: on a laptop never linked to a portal it says that
 * nothing has been sent and how many changes wait; and its count follows every local write,
 * whatever the kind of record (arrivals, anonymous counts, proposals, dots), so it never says
 * less than the sync screen.
 */
import { expect, test, type Page } from './fixtures.js';
import { ShellPage } from './pages/ShellPage.js';
import { goutteDor, invoke, proposalFields, seedWorkshop } from './seed.js';

async function pending(page: Page, origin: string): Promise<number> {
  const status = await invoke(page, origin, 'sync:status', {});
  return (status.value as { pending: number }).pending;
}

/** The count the header shows, read from its words. */
async function headerCount(shell: ShellPage, n: number) {
  await expect(shell.syncIndicator).toContainText(`Rien n’a encore été envoyé\u00a0: ${n}\u00a0modification`);
}

test('the header says nothing was sent on a laptop never linked, and its count follows every kind of write', async ({ page, host, openApp }) => {
  const shell = new ShellPage(page);
  await openApp();
  await expect(shell.syncIndicator).toContainText('Rien à envoyer — cet ordinateur n’est pas relié au portail');
  await expect(shell.syncIndicator).not.toContainText('Tout est envoyé');

  const workshopId = await seedWorkshop(page, host.origin, goutteDor);
  await headerCount(shell, await pending(page, host.origin));

  // The door: anonymous arrivals on « + », typed at the desk.
  await page.goto(`${host.origin}/#/workshops/${workshopId}/attendance`);
  const search = page.getByRole('combobox', { name: 'Rechercher une personne inscrite' });
  await expect(search).toBeFocused();
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('+');
    await expect(page.getByTestId('count-anonymous').locator('dd')).toHaveText(String(i + 1));
    await headerCount(shell, await pending(page, host.origin));
  }

  // A proposal, then six dots on the supports screen.
  const proposal = await invoke(page, host.origin, 'proposals:create', {
    workshopId,
    fields: proposalFields({ description: 'Des bancs.' }),
  });
  expect(proposal.ok).toBe(true);
  await page.goto(`${host.origin}/#/workshops/${workshopId}/supports`);
  const dot = page.getByRole('button', { name: 'Ajouter une gommette à «\u00a0Des bancs à l’ombre\u00a0»' });
  for (let i = 0; i < 6; i++) {
    await dot.click();
    await expect(page.locator('.proposal-list__item').getByRole('status')).toHaveText(`${i + 1}\u00a0gommette${i ? 's' : ''}`);
  }
  const total = await pending(page, host.origin);
  expect(total).toBeGreaterThan(9);
  await headerCount(shell, total);

  // The sync screen and the header say the same.
  await shell.syncIndicator.getByRole('link', { name: 'Détails de l’envoi' }).click();
  await expect(page.getByTestId('sync-waiting')).toContainText(String(total));
  await headerCount(shell, total);
});
