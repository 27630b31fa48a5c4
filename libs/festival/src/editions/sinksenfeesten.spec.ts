import { defaultOpeningBlocks, sinksenfeesten } from './sinksenfeesten';

describe('sinksenfeesten', () => {
  it.each([
    [2026, '2026-05-22', '2026-05-25'],
    [2027, '2027-05-14', '2027-05-17'],
    [2028, '2028-06-02', '2028-06-05'],
    [2038, '2038-06-11', '2038-06-14'],
    [2035, '2035-05-11', '2035-05-14'],
  ])('%i runs from the Friday before Pentecost to Whit Monday', (year, startsOn, endsOn) => {
    expect(sinksenfeesten(year)).toEqual({ startsOn, endsOn });
  });

  it('opens Friday evening, all weekend and Monday until 20:00 by default', () => {
    expect(defaultOpeningBlocks('2027-05-14')).toEqual([
      { from: '17:00', to: '20:00' },
      { from: '20:00', to: '23:00' },
    ]);
    expect(defaultOpeningBlocks('2027-05-15').map((b) => b.from)).toEqual(['11:00', '15:00', '19:00']);
    expect(defaultOpeningBlocks('2027-05-17').at(-1)).toEqual({ from: '15:00', to: '20:00' });
  });
});
