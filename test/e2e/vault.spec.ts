/**
 * The vault through its screens, with the keyboard: the first start (the passphrase's rules
 * shown, a short one refused beside the field, the recovery key shown once), the lock (the
 * « Verrouiller » button, the core refusing a personal command while the screen shows the lock,
 * a reloaded tab still locked), the PIN (chosen on « Sécurité », wrong ones rate-limited) and
 * a restart, after which only the passphrase opens the data. axe checks every screen.
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, test, type Page } from './fixtures.js';
import { field } from './pages/controls.js';
import { ShellPage } from './pages/ShellPage.js';
import { tabTo } from './keyboard.js';

test.use({ vaultUnlocked: false });

const PASSPHRASE = 'trois pigeons sur la fontaine Wallace';

/** A command sent from the page itself, as any script of the tab could: the core answers. */
async function commandFromTab(page: Page, name: string, input: unknown) {
  return page.evaluate(
    async ([n, i]) => (await fetch(`/rpc/${n}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) })).json() as Promise<{ ok: boolean; error?: { code: string } }>,
    [name, input] as const,
  );
}

test('first start, lock, PIN and restart, with the keyboard', async ({ page, host, openApp }) => {
  test.setTimeout(120_000);
  const shell = new ShellPage(page);
  await openApp();

  // First start: the rules are on screen before anything is typed.
  await expect(shell.heading).toHaveText('Protéger les données de cet ordinateur');
  await expect(page.getByRole('heading', { name: 'Une bonne phrase de passe' })).toBeVisible();
  await expect(page.locator('.vault-rules')).toContainText('au moins 12\u00a0caractères');
  await expectNoAxeViolations(page, 'the first start');
  // Nothing personal answers yet, whatever the window shows.
  expect(await commandFromTab(page, 'workshops:list', {})).toMatchObject({ ok: false, error: { code: 'locked' } });

  // The skip link first, as a keyboard user does: it passes the shell's links (one more each time a domain joins the navigation).
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, field(page, 'Votre nom').locator('input'));
  await page.keyboard.type('Awa Diallo');
  await page.keyboard.press('Tab');
  await page.keyboard.type('azerty2024');
  await page.keyboard.press('Tab');
  await page.keyboard.type('azerty2024');
  await page.keyboard.press('Enter');
  await expect(field(page, 'Phrase de passe').locator('.field__error')).toContainText('Au moins 12\u00a0caractères');
  await expect(field(page, 'Votre nom').locator('input')).toHaveValue('Awa Diallo'); // nothing typed is lost

  await field(page, 'Phrase de passe').locator('input').fill(PASSPHRASE);
  await field(page, 'La même phrase de passe, encore une fois').locator('input').fill(PASSPHRASE);
  await field(page, 'La même phrase de passe, encore une fois').locator('input').press('Enter');

  // The recovery key, once.
  await expect(shell.heading).toHaveText('Clé de secours', { timeout: 15_000 });
  await expect(page.getByTestId('recovery-key')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  await expect(page.getByRole('button', { name: 'Imprimer la clé' })).toBeVisible();
  await expectNoAxeViolations(page, 'the recovery key');
  await tabTo(page, page.getByRole('button', { name: 'J’ai imprimé ou noté la clé' }));
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText('Ateliers');
  expect(await commandFromTab(page, 'workshops:list', {})).toMatchObject({ ok: true });

  // A PIN on « Sécurité ».
  await page.getByRole('link', { name: 'Sécurité' }).click();
  await expect(shell.heading).toHaveText('Sécurité de cet ordinateur');
  await expectNoAxeViolations(page, 'the security screen');
  await field(page, 'Code').locator('input').fill('48');
  await field(page, 'Code').locator('input').press('Enter');
  await expect(field(page, 'Code').locator('.field__error')).toHaveText('Un code de 4 à 8\u00a0chiffres.');
  await field(page, 'Code').locator('input').fill('4821');
  await field(page, 'Code').locator('input').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Code choisi' })).toBeVisible();

  // Locked: the lock screen, the core refusing personal commands, a reload still locked.
  await tabTo(page, page.getByRole('button', { name: 'Verrouiller', exact: true }), 30);
  await page.keyboard.press('Enter');
  await expect(shell.heading).toHaveText('Atelier est verrouillé');
  await expect(page.getByText('Verrouillé à la demande.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verrouiller', exact: true })).toHaveCount(0);
  expect(await commandFromTab(page, 'attendance:list', { workshopId: crypto.randomUUID() })).toMatchObject({ ok: false, error: { code: 'locked' } });
  await page.reload();
  await expect(shell.heading).toHaveText('Atelier est verrouillé');
  await expectNoAxeViolations(page, 'the lock with the PIN');

  // Wrong PINs: two cost nothing, the third makes the next try wait, even with the right PIN.
  const pin = field(page, 'Code').locator('input');
  for (const wrong of ['1111', '2222']) {
    await pin.fill(wrong);
    await pin.press('Enter');
    await expect(field(page, 'Code').locator('.field__error')).toHaveText('Ce n’est pas le bon code.');
  }
  await pin.fill('3333');
  await pin.press('Enter');
  await expect(field(page, 'Code').locator('.field__error')).toContainText('Trop de codes faux\u00a0: attendez 30\u00a0s');
  await pin.fill('4821');
  await pin.press('Enter');
  await expect(field(page, 'Code').locator('.field__error')).toContainText('Trop de codes faux');
  await expect(shell.heading).toHaveText('Atelier est verrouillé');

  // The passphrase always opens.
  await page.getByRole('button', { name: 'Utiliser la phrase de passe' }).click();
  await field(page, 'Phrase de passe').locator('input').fill(PASSPHRASE);
  await field(page, 'Phrase de passe').locator('input').press('Enter');
  await expect(shell.heading).toHaveText('Sécurité de cet ordinateur'); // back where the lock found it

  // After a restart only the passphrase opens the data: no PIN is offered.
  await host.restart(page);
  await page.goto(host.url);
  await expect(shell.heading).toHaveText('Ouvrir Atelier');
  await expect(field(page, 'Code')).toHaveCount(0);
  await expect(field(page, 'Votre nom').locator('input')).toHaveValue('Awa Diallo'); // remembered on this computer
  await expectNoAxeViolations(page, 'the sealed start');
  await field(page, 'Phrase de passe').locator('input').fill('trois pigeons sur la fontaine');
  await field(page, 'Phrase de passe').locator('input').press('Enter');
  await expect(field(page, 'Phrase de passe').locator('.field__error')).toContainText('Ce n’est pas la phrase de passe de cet ordinateur');
  await field(page, 'Phrase de passe').locator('input').fill(PASSPHRASE);
  await field(page, 'Phrase de passe').locator('input').press('Enter');
  await expect(shell.heading).toHaveText('Ateliers');
});

test('the lock screens in English', async ({ page, openApp }) => {
  const shell = new ShellPage(page);
  await openApp();
  await shell.switchLanguage('en');
  await expect(shell.heading).toHaveText('Protect this computer’s data');
  await expect(page.locator('.vault-rules')).toContainText('at least 12 characters');
  await field(page, 'Your name').locator('input').fill('Awa Diallo');
  await field(page, 'Passphrase').locator('input').fill(PASSPHRASE);
  await field(page, 'The same passphrase, once more').locator('input').fill(`${PASSPHRASE}!`);
  await field(page, 'The same passphrase, once more').locator('input').press('Enter');
  await expect(field(page, 'The same passphrase, once more').locator('.field__error')).toHaveText('The two passphrases are not the same.');
  await field(page, 'The same passphrase, once more').locator('input').fill(PASSPHRASE);
  await field(page, 'The same passphrase, once more').locator('input').press('Enter');
  await expect(shell.heading).toHaveText('Recovery key', { timeout: 15_000 });
  await page.getByRole('button', { name: 'I printed or wrote down the key' }).click();
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(shell.heading).toHaveText('Atelier is locked');
  await expectNoAxeViolations(page, 'the lock, in English');
});

const workshop = (title: string) => ({
  kind: 'pb_co_construction', title, description: '', startsAt: '2026-03-14T18:30', endsAt: '2026-03-14T20:30',
  venueName: 'Centre Barbara', venueAddress: '', arrondissement: 18, inQpv: true, capacity: null, partners: [], facilitators: [],
});

test.describe('an unlocked app', () => {
  test.use({ vaultUnlocked: true });

  test('until the workshop of today ends, on purpose, and « Verrouiller » still locks it', async ({ page, host, openApp }) => {
    const shell = new ShellPage(page);
    await openApp();
    const paris = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d).replace(' ', 'T');
    const created = (await commandFromTab(page, 'workshops:create', {
      kind: 'pb_co_construction', title: 'Accueil du soir', description: '', startsAt: paris(new Date(Date.now() - 30 * 60_000)), endsAt: paris(new Date(Date.now() + 90 * 60_000)),
      venueName: 'Centre Barbara', venueAddress: '', arrondissement: 18, inQpv: true, capacity: null, partners: [], facilitators: ['Awa Diallo'],
    })) as { ok: boolean; value: { id: string } };
    expect(created.ok).toBe(true);
    await page.goto(`${host.origin}/#/workshops/${created.value.id}/attendance`);
    await expect(shell.heading).toContainText('Accueil du soir');
    const desk = page.locator('.keep-open');
    await expect(desk).toContainText('Atelier se verrouille après 10\u00a0minutes sans activité.');
    await desk.getByRole('button', { name: 'Garder l’accueil déverrouillé jusqu’à la fin de l’atelier' }).click();
    await expect(desk).toContainText('L’accueil reste déverrouillé jusqu’à la fin de l’atelier');
    await expectNoAxeViolations(page, 'the desk kept unlocked');
    await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
    await expect(shell.heading).toHaveText('Atelier est verrouillé');
    await field(page, 'Phrase de passe').locator('input').fill('quatre chaises bleues au marché');
    await field(page, 'Phrase de passe').locator('input').press('Enter');
    await expect(shell.heading).toContainText('Accueil du soir');
    // A lock ends the desk kept open: it locks by itself again.
    await expect(page.locator('.keep-open')).toContainText('Atelier se verrouille après 10\u00a0minutes sans activité.');
  });

  test('a backup taken on « Sécurité » and restored, the passphrase typed again', async ({ page, openApp }) => {
    const shell = new ShellPage(page);
    await openApp('/security');
    await expect(shell.heading).toHaveText('Sécurité de cet ordinateur');
    await expect(page.getByText('Les données sont protégées par la phrase de passe.')).toBeVisible();
    const before = (await commandFromTab(page, 'workshops:create', workshop('Avant la sauvegarde'))) as { ok: boolean };
    expect(before.ok).toBe(true);
    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Sauvegarde prise.' })).toBeVisible();
    await expect(page.getByTestId('backups').getByRole('listitem')).toHaveCount(1);
    await expect(page.getByTestId('backups')).toContainText('quotidienne');
    await commandFromTab(page, 'workshops:create', workshop('Après la sauvegarde'));
    await expectNoAxeViolations(page, 'the backups');

    await field(page, 'Sauvegarde à restaurer').getByRole('button').click();
    await page.getByRole('option').first().click();
    await field(page, 'Phrase de passe').last().locator('input').fill('pas la bonne phrase');
    await page.getByRole('button', { name: 'Restaurer', exact: true }).click();
    await expect(field(page, 'Phrase de passe').last().locator('.field__error')).toContainText('Ce n’est pas la phrase de passe de cet ordinateur');
    await field(page, 'Phrase de passe').last().locator('input').fill('quatre chaises bleues au marché');
    await page.getByRole('button', { name: 'Restaurer', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'restaurée' })).toBeVisible({ timeout: 15_000 });
    const titles = (await commandFromTab(page, 'workshops:list', {})) as unknown as { value: { items: { title: string }[] } };
    expect(titles.value.items.map((w) => w.title)).toEqual(['Avant la sauvegarde']);
    await expect(page.getByTestId('backups')).toContainText('avant une restauration');
  });
});
