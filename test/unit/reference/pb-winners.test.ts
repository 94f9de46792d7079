import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePbWinners, pbThemeCodes, themesInData } from '#core/reference/pb-winners.js';
import { referenceFilePath } from '#core/reference/reference-data-files.js';
import { dataDir } from './reference-fixtures.js';

const csv = readFileSync(referenceFilePath(dataDir, 'pbWinners'), 'utf8');

describe('the participatory-budget winners file', () => {
  const winners = parsePbWinners(csv);

  it('holds the 1,341 winning projects of 2014–2024, once each', () => {
    expect(winners).toHaveLength(1341);
    expect(new Set(winners.map((w) => w.id)).size).toBe(1341);
    expect(new Set(winners.map((w) => w.edition))).toEqual(new Set([2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024]));
  });

  it('uses exactly the 11 official themes, each present in the data', () => {
    expect(pbThemeCodes).toHaveLength(11);
    expect(themesInData(winners)).toEqual(pbThemeCodes);
    expect(winners.filter((w) => w.theme === 'cadre-de-vie')).toHaveLength(343);
  });

  it('tells city-wide projects from arrondissement ones, whatever the apostrophe', () => {
    expect(winners.filter((w) => w.scale === 'paris')).toHaveLength(67);
    expect(winners.filter((w) => w.scale === 'arrondissement')).toHaveLength(1274);
    expect(winners.filter((w) => w.scale === 'paris').every((w) => w.arrondissements.length === 0)).toBe(true);
  });

  it('reads Paris Centre as the 1st to 4th and the 16th under all its codes', () => {
    const centre = winners.filter((w) => w.arrondissementCode === '75123');
    expect(centre).toHaveLength(33);
    expect(centre.every((w) => w.arrondissements.join() === '1,2,3,4')).toBe(true);
    const sixteenth = winners.filter((w) => w.arrondissements.length === 1 && w.arrondissements[0] === 16);
    expect(sixteenth).toHaveLength(53);
    expect(sixteenth.filter((w) => w.arrondissementCode === null)).toHaveLength(6);
  });

  it('keeps empty cells empty and the flag as a boolean', () => {
    expect(winners.filter((w) => w.address === null)).toHaveLength(42);
    expect(winners.filter((w) => w.title === null)).toHaveLength(5);
    expect(winners.filter((w) => w.inQuartierPopulaire)).toHaveLength(372);
    expect(winners.find((w) => w.id === 2106)).toMatchObject({ edition: 2014, budgetEuros: 2_000_000, theme: 'attractivite-emploi', months: { opening: '2017-06' } });
  });

  it('refuses a row with an unknown theme, naming the row', () => {
    const header = csv.slice(0, csv.indexOf('\n') + 1);
    const firstRow = csv.split('\n')[1]!.replace('Attractivité et emploi', 'Cuisine');
    expect(() => parsePbWinners(header + firstRow + '\n')).toThrow(/row 2 \(id 2106\): thematique/);
  });
});
