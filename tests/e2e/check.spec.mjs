import { test, expect, openApp } from './fixtures.mjs';
import { start, answerAll, ORDINARY, TODAY } from './check-steps.mjs';

test('someone pregnant gets NOT NOW with the reason', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'pregnant': 'Yes', 'When is the baby due': '2027-03-14' });
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('Microneedling should not be booked right now.')).toBeVisible();
  const finding = page.locator('.mc-finding').filter({ hasText: 'Are you pregnant' });
  await expect(finding).toContainText('Not now');
  await expect(finding).toContainText('Microneedling is not done during pregnancy.');
  // A due date never clears a pregnancy: no "waiting time ends" line.
  await expect(finding.locator('.mc-finding-date')).toHaveCount(0);
});

test('keloids and blood thinners give ASK with both reasons', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'keloids': 'Yes', 'blood thinner': 'Yes' });
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('A professional needs to look at some of your answers')).toBeVisible();
  await expect(page.locator('.mc-finding')).toHaveCount(2);
  await expect(page.locator('.mc-finding').nth(0)).toContainText('keloids');
  await expect(page.locator('.mc-finding').nth(1)).toContainText('Never stop a prescribed medicine on your own');
});

test('isotretinoin stopped two months ago gives ASK with the date six months after', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'isotretinoin': 'Yes', 'last dose': '2026-09-23' });
  await page.getByRole('button', { name: 'See my result' }).click();
  const finding = page.locator('.mc-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('Ask a professional first');
  await expect(finding).toContainText('The usual waiting time ends on 23 March 2027.');
  await expect(finding.getByRole('link', { name: 'Read more about this' })).toHaveAttribute(
    'href',
    '#/faq/medicines-before-treatment',
  );
});

// Issue #21: a stored result whose waiting time had passed kept the finding
// but dropped the date without a word.
test('a stored result whose waiting time has passed says so, and the question can be answered again', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'isotretinoin': 'Yes', 'last dose': '2026-09-23' });
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.locator('.mc-finding')).toContainText('The usual waiting time ends on 23 March 2027.');
  // Opened again in April: the answer still counts, and the page says why.
  await page.clock.setFixedTime(new Date('2027-04-01T10:00:00'));
  await page.reload();
  const finding = page.locator('.mc-finding');
  await expect(finding).toContainText('Ask a professional first');
  await expect(finding).toContainText('The usual waiting time ended on 23 March 2027.');
  await expect(finding).toContainText('answer the question again');
  await finding.getByRole('button', { name: 'Answer this question again' }).click();
  await expect(page.locator('#mc-check-heading')).toContainText('isotretinoin');
  await expect(page.locator('#mc-check-heading')).toBeFocused();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#mc-check-heading')).toHaveText('Check your answers');
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('Nothing in your answers stands in the way.')).toBeVisible();
  await expect(page.locator('.mc-finding')).toHaveCount(0);
});

test('someone with none of these gets OK, and can print and share the summary', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await start(page);
  await answerAll(page, ORDINARY);
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('Nothing in your answers stands in the way.')).toBeVisible();
  await expect(page.locator('.mc-finding')).toHaveCount(0);
  await expect(page.getByText('Self-check done on 23 November 2026.')).toBeVisible();
  // Headless Chromium has no share sheet: the summary goes to the clipboard.
  await page.getByRole('button', { name: 'Send to my clinic' }).click();
  await expect(page.getByText('Your summary was copied.')).toBeVisible();
  const summary = await page.evaluate(() => navigator.clipboard.readText());
  expect(summary).toContain('Nothing in your answers stands in the way.');
  expect(summary).toContain('Are you pregnant, or could you be? No');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Send to my clinic' })).toBeHidden();
  await expect(page.getByText('Nothing in your answers stands in the way.')).toBeVisible();
});

test('Back keeps answers, and any answer can be changed from the summary', async ({ page }) => {
  await start(page);
  await answerAll(page, ORDINARY, { stopAfter: 3 });
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Next' }).click();
  await answerAll(page, ORDINARY);
  await page.getByRole('button', { name: 'Change: Do you have diabetes, or do your wounds heal slowly?' }).click();
  await page.getByRole('radio', { name: "I'm not sure" }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#mc-check-heading')).toHaveText('Check your answers');
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.locator('.mc-finding')).toContainText('You answered “I\'m not sure”');
});

test('a missing answer or an impossible date is explained, not accepted', async ({ page }) => {
  await start(page);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText('Please choose an answer to continue.');
  // Focus goes to the first option to fix, by keyboard.
  await expect(page.getByRole('radio', { name: 'Face' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');
  await answerAll(page, { ...ORDINARY, 'isotretinoin': 'Yes' }, { stopAfter: 12 });
  await expect(page.locator('#mc-check-heading')).toContainText('last dose');
  await page.getByLabel('Day, month and year.').fill('2027-01-10');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText('This date is in the future. Please check it.');
  await page.getByLabel("I don't know the date").check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#mc-check-heading')).not.toContainText('last dose');
});

test('with consent, leaving halfway and coming back resumes where it stopped', async ({ page }) => {
  await start(page, { save: true });
  await answerAll(page, ORDINARY, { stopAfter: 5 });
  const question = await page.locator('#mc-check-heading').innerText();
  await page.reload();
  await page.getByRole('button', { name: 'Continue where you stopped' }).click();
  await expect(page.locator('#mc-check-heading')).toHaveText(question);
  await expect(page.getByText('Question 6 of')).toBeVisible();
});

test('without consent, a reload keeps nothing', async ({ page }) => {
  await start(page, { save: false });
  await answerAll(page, ORDINARY, { stopAfter: 5 });
  expect(await page.evaluate(() => localStorage.getItem('microcare.screening'))).toBeNull();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue where you stopped' })).toHaveCount(0);
});

test('start over forgets the answers, saved ones included', async ({ page }) => {
  await start(page, { save: true });
  await answerAll(page, ORDINARY);
  await page.getByRole('button', { name: 'See my result' }).click();
  await page.getByRole('button', { name: 'Start over' }).click();
  await expect(page.getByRole('heading', { name: 'Before you start' })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('microcare.screening'))).toBeNull();
});

test('the privacy gate: answers never appear in any request', async ({ page }) => {
  const MARKER = '2026-09-17';
  const seen = [];
  page.on('request', async (request) => {
    seen.push(request.url(), JSON.stringify(await request.allHeaders()), request.postData() ?? '');
  });
  await start(page);
  await answerAll(page, { ...ORDINARY, 'isotretinoin': 'Yes', 'last dose': MARKER, 'keloids': 'Yes' });
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('The usual waiting time ends on 17 March 2027.')).toBeVisible();
  for (const text of seen) {
    for (const secret of [MARKER, 'isotretinoin', 'keloid', 'date:', 'choice:']) {
      expect(text).not.toContain(secret);
    }
  }
  expect(seen.length).toBeGreaterThan(0);
});

test('the self-check speaks Portuguese and Spanish too', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await openApp(page, '#/check');
  await page.getByRole('combobox').selectOption('pt-BR');
  await expect(page.getByRole('heading', { name: 'Antes de começar' })).toBeVisible();
  await page.getByRole('combobox').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Antes de empezar' })).toBeVisible();
});

// Issue #13: the six ways the self-check could reach OK when a professional
// must see the person first, driven through the screens.

const seeResult = (page) => page.getByRole('button', { name: 'See my result' }).click();
const NOT_NOW = 'Microneedling should not be booked right now.';
const ASK = 'A professional needs to look at some of your answers';

test('a scar that is not fully healed is not OK, however old; a scar date older than asked is refused', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'less than 6 months old': 'Yes' }, { stopAfter: 23 });
  await expect(page.locator('#mc-check-heading')).toContainText('When was the surgery or injury?');
  // A surgery almost two years ago contradicts "less than 6 months old".
  await page.getByLabel('Day, month and year.').fill('2025-01-10');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'This date is longer ago than the question asks about. Check the date. If it is right, go back and change your answer.',
  );
  // The refused date stays in the field, to correct it.
  await expect(page.getByLabel('Day, month and year.')).toHaveValue('2025-01-10');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await answerAll(page, { 'not fully healed': 'Yes' });
  await seeResult(page);
  await expect(page.getByText(ASK)).toBeVisible();
  await expect(page.getByText('Nothing in your answers stands in the way.')).toHaveCount(0);
  const finding = page.locator('.mc-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('not fully healed');
  await expect(finding).toContainText('Ask a professional first');
  await expect(finding.locator('.mc-finding-date')).toHaveCount(0);
});

test('pregnant with the due date today is NOT NOW', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'pregnant': 'Yes', 'When is the baby due': '2026-11-23' });
  await expect(page.getByRole('button', { name: /Change: Have you had a baby/ })).toHaveCount(0);
  await seeResult(page);
  await expect(page.getByText(NOT_NOW)).toBeVisible();
  const finding = page.locator('.mc-finding').filter({ hasText: 'Are you pregnant' });
  await expect(finding).toContainText('Not now');
  await expect(finding.locator('.mc-finding-date')).toHaveCount(0);
});

// Issue #21: someone still pregnant past the due date was told "This date
// has already passed. Please check it."
test('pregnant past the due date: the date is accepted and it is NOT NOW', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'pregnant': 'Yes', 'When is the baby due': '2026-11-16' });
  await expect(page.locator('#mc-check-heading')).toHaveText('Check your answers');
  await expect(page.getByText('16 November 2026')).toBeVisible();
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText(NOT_NOW)).toBeVisible();
  await expect(page.getByText('already passed')).toHaveCount(0);
});

test('not pregnant, a baby in the last 12 months is ASK and breastfeeding NOT NOW', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'Have you had a baby': 'Yes', 'breastfeeding': 'Yes', 'expect to stop': '2026-11-23' });
  await seeResult(page);
  await expect(page.getByText(NOT_NOW)).toBeVisible();
  await expect(page.locator('.mc-finding').nth(0)).toContainText('Are you breastfeeding?');
  await expect(page.locator('.mc-finding').nth(1)).toContainText('in the last 12 months');
  await expect(page.locator('.mc-finding').nth(1)).toContainText('Ask a professional first');
});

test('"not sure" to "pregnant, or could you be?" is NOT NOW', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'pregnant': "I'm not sure" });
  await seeResult(page);
  await expect(page.getByText(NOT_NOW)).toBeVisible();
  const finding = page.locator('.mc-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('Not now');
  await expect(finding).toContainText('You answered “I\'m not sure”');
  await expect(finding).toContainText('a test or your doctor can tell you');
});

test('stretch marks over a recent caesarean scar: the scar is asked about, and it is ASK', async ({ page }) => {
  await start(page);
  await answerAll(page, {
    'Which area': 'Body (for example belly, thighs, arms or breasts)',
    'most like to improve': 'Stretch marks',
    'less than 6 months old': 'Yes',
    'When was the surgery or injury?': '2026-09-20',
  });
  for (const question of ['less than 6 months old', 'not fully healed', 'red or purple', 'tattoo']) {
    await expect(page.locator('.mc-answer-row dt').filter({ hasText: question })).toHaveCount(1);
  }
  await seeResult(page);
  await expect(page.getByText(ASK)).toBeVisible();
  const finding = page.locator('.mc-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('less than 6 months old');
  await expect(finding).toContainText('The usual waiting time ends on 20 March 2027.');
});

test('toxin on the body (underarm sweating) is asked about, and it is ASK', async ({ page }) => {
  await start(page);
  await answerAll(page, {
    'Which area': 'Body (for example belly, thighs, arms or breasts)',
    'most like to improve': 'Something else, or I am not sure yet',
    'botulinum toxin': 'Yes',
    'When was the injection?': '2026-11-20',
  });
  await seeResult(page);
  await expect(page.getByText(ASK)).toBeVisible();
  const finding = page.locator('.mc-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('botulinum toxin');
  await expect(finding).toContainText('The usual waiting time ends on 4 December 2026.');
});

/** A finished self-check saved before `recent_birth` and `unhealed_scar` existed. */
const OLD_FINISHED = {
  schema: 2,
  rev: 1,
  data: {
    consent: true,
    answers: {
      area: 'choice:face',
      goal: 'choice:face',
      ...Object.fromEntries(
        ['under_18', 'pregnant', 'breastfeeding', 'infection', 'skin_flare', 'sunburn', 'cancer', 'bleeding_disorder',
          'keloid', 'isotretinoin', 'blood_thinners', 'diabetes', 'immune', 'autoimmune', 'allergy', 'cold_sores',
          'dark_marks', 'filler_toxin', 'peel_laser', 'recent_scar', 'tattoo'].map((id) => [id, 'no']),
      ),
    },
    step: 30,
    done_on: '2026-11-01',
  },
};

test('a stored, finished self-check with missing answers opens on the first missing question, not on OK', async ({ page }) => {
  await page.addInitScript((record) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('microcare.screening', JSON.stringify(record));
      sessionStorage.setItem('seeded', '1');
    }
  }, OLD_FINISHED);
  await page.clock.setFixedTime(TODAY);
  await openApp(page, '#/check');
  await expect(page.locator('#mc-check-heading')).toHaveText('Have you had a baby, or been pregnant, in the last 12 months?');
  await expect(page.getByRole('status')).toContainText('Some answers are missing');
  await expect(page.getByRole('heading', { name: 'Your result' })).toHaveCount(0);
  await expect(page.getByText('Nothing in your answers stands in the way.')).toHaveCount(0);
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  // The next missing one, then the summary.
  await expect(page.locator('#mc-check-heading')).toContainText('not fully healed');
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('#mc-check-heading')).toHaveText('Check your answers');
  await seeResult(page);
  await expect(page.getByText(ASK)).toBeVisible();
  // Reloaded, the now complete self-check opens on its result.
  await page.reload();
  await expect(page.getByText(ASK)).toBeVisible();
});

/** Answers every screen in another language; everything else is `no`. */
async function answerIn(page, { next, no, summary }, answers) {
  for (let screen = 0; screen < 40; screen++) {
    const heading = page.locator('#mc-check-heading');
    await expect(heading).toBeFocused();
    const question = await heading.innerText();
    if (question === summary) return;
    const key = Object.keys(answers).find((part) => question.includes(part));
    await page.getByRole('radio', { name: key ? answers[key] : no, exact: true }).check();
    await page.getByRole('button', { name: next }).click();
  }
}

test('in Portuguese, "não tenho certeza" to pregnancy is NOT NOW', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await openApp(page, '#/check');
  await page.getByRole('combobox').selectOption('pt-BR');
  await page.getByRole('radio', { name: /Não, manter só/ }).check();
  await page.getByRole('button', { name: 'Começar o questionário' }).click();
  await answerIn(page, { next: 'Avançar', no: 'Não', summary: 'Confira suas respostas' }, {
    'Qual região': 'Rosto',
    'O que você mais gostaria': 'Linhas finas, textura, poros ou firmeza',
    'grávida ou pode estar': 'Não tenho certeza',
  });
  await page.getByRole('button', { name: 'Ver meu resultado' }).click();
  await expect(page.getByText('O microagulhamento não deve ser agendado agora.')).toBeVisible();
  const finding = page.locator('.mc-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('Agora não');
  await expect(finding).toContainText('Você respondeu “Não tenho certeza”');
  await expect(page.getByText(/Questionário respondido em/)).toBeVisible();
});

test('en español, una cicatriz que no terminó de curarse no es OK', async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await openApp(page, '#/check');
  await page.getByRole('combobox').selectOption('es');
  await page.getByRole('radio', { name: /No, conservarlas solo/ }).check();
  await page.getByRole('button', { name: 'Empezar el cuestionario' }).click();
  await answerIn(page, { next: 'Siguiente', no: 'No', summary: 'Revisa tus respuestas' }, {
    '¿Qué zona': 'Cuerpo (por ejemplo, abdomen, muslos, brazos o senos)',
    '¿Qué es lo que más': 'Estrías',
    'no terminó de curarse': 'Sí',
  });
  await page.getByRole('button', { name: 'Ver mi resultado' }).click();
  await expect(page.getByText('Un profesional tiene que revisar algunas de tus respuestas')).toBeVisible();
  const finding = page.locator('.mc-finding');
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText('Consulta antes a un profesional');
  await expect(finding).toContainText('no terminó de curarse');
});

// Issue #14: the self-check as Leptos components.

test('a language change mid-self-check keeps the question shown and the option just chosen', async ({ page }) => {
  await start(page);
  // A choice, picked and not yet submitted.
  await expect(page.locator('#mc-check-heading')).toHaveText('Which area would you like treated?');
  await page.getByRole('radio', { name: 'Neck or neckline' }).check();
  await page.getByRole('combobox').selectOption('es');
  await expect(page.locator('#mc-check-heading')).toHaveText('¿Qué zona te gustaría tratar?');
  await expect(page.getByText('Pregunta 1 de')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Cuello o escote' })).toBeChecked();
  // Nothing was submitted by the switch: the choice is taken by "Next".
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await expect(page.getByText('Pregunta 2 de')).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('microcare.screening')).data.answers.area)).toBe(
    'choice:neck',
  );
  // A yes/no question, in a third language.
  await page.getByRole('radio', { name: 'Líneas finas, textura, poros o firmeza' }).check();
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await expect(page.locator('#mc-check-heading')).toHaveText('¿Eres menor de 18 años?');
  await page.getByRole('radio', { name: 'Sí', exact: true }).check();
  await page.getByRole('combobox').selectOption('pt-BR');
  await expect(page.locator('#mc-check-heading')).toHaveText('Você tem menos de 18 anos?');
  await expect(page.getByText('Pergunta 3 de')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Sim', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Não', exact: true })).not.toBeChecked();
});

test('a date being typed stays in its field across a language change', async ({ page }) => {
  await start(page);
  await answerAll(page, { ...ORDINARY, 'isotretinoin': 'Yes' }, { stopAfter: 13 });
  await expect(page.locator('#mc-check-heading')).toContainText('last dose');
  await page.getByLabel('Day, month and year.').fill('2026-09-23');
  await page.getByRole('combobox').selectOption('es');
  await expect(page.locator('#mc-check-heading')).toContainText('¿Cuándo tomaste la última dosis?');
  await expect(page.locator('#mc-date')).toHaveValue('2026-09-23');
  await page.getByRole('button', { name: 'Siguiente' }).click();
  await expect(page.locator('#mc-check-heading')).not.toContainText('última dosis');
  expect(
    await page.evaluate(() => JSON.parse(localStorage.getItem('microcare.screening')).data.answers['isotretinoin.date']),
  ).toBe('date:2026-09-23');
});

test('sharing the result keeps the focus on the Share button', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await start(page);
  await answerAll(page, ORDINARY);
  await page.getByRole('button', { name: 'See my result' }).click();
  const share = page.getByRole('button', { name: 'Send to my clinic' });
  await share.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Your summary was copied.')).toBeVisible();
  await expect(share).toBeFocused();
  // Tapped, too.
  await share.click();
  await expect(page.getByText('Your summary was copied.')).toBeVisible();
  await expect(share).toBeFocused();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Nothing in your answers stands in the way.');
});
