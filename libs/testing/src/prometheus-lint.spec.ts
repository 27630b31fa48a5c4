import { lintPrometheusText } from './prometheus-lint';

describe('lintPrometheusText (the checks of promtool check metrics)', () => {
  it('passes well-formed text', () => {
    const text = [
      '# HELP app_sent_total Messages sent',
      '# TYPE app_sent_total counter',
      'app_sent_total{channel="EMAIL"} 3',
      '# HELP app_lag_mean_seconds Mean lag (prom-client writes NaN as "Nan", which promtool reads)',
      '# TYPE app_lag_mean_seconds gauge',
      'app_lag_mean_seconds Nan',
      '# HELP app_lateness_seconds Lateness',
      '# TYPE app_lateness_seconds histogram',
      'app_lateness_seconds_bucket{le="1"} 1',
      'app_lateness_seconds_bucket{le="+Inf"} 2',
      'app_lateness_seconds_sum 3.5',
      'app_lateness_seconds_count 2',
      '',
    ].join('\n');
    expect(lintPrometheusText(text)).toEqual([]);
  });

  it('reports what promtool reports: a gauge named _total, a counter without it, no help, a bad line', () => {
    const text = [
      '# HELP app_active_handles_total Handles',
      '# TYPE app_active_handles_total gauge',
      'app_active_handles_total 4',
      '# HELP app_sent Sent',
      '# TYPE app_sent counter',
      'app_sent 1',
      '# TYPE app_depth gauge',
      'app_depth{queue="a"} 1',
      'app_depth{queue="a"} 2',
      'app_broken{x=1} 1',
      '# HELP app_word Bad value',
      '# TYPE app_word gauge',
      'app_word many',
      '',
    ].join('\n');
    expect(lintPrometheusText(text)).toEqual(
      expect.arrayContaining([
        'app_active_handles_total non-counter metrics should not have "_total" suffix',
        'app_sent counter metrics should have "_total" suffix',
        'app_depth no help text',
        'app_depth{queue="a"} duplicate series',
        'app_broken cannot parse labels {x=1}',
        'app_word invalid value "many"',
      ]),
    );
  });
});
