import { describe, expect, it } from 'vitest';
import { parseTrace } from './trace.ts';

describe('parseTrace', () => {
  it('reads colo, WARP and Gateway from a current trace', () => {
    const body =
      'fl=123f45\nh=shop.example\nip=192.0.2.1\nts=1763465000.1\ncolo=ICN\nhttp=http/2\nwarp=plus\ngateway=on\n';
    expect(parseTrace(body)).toEqual({ colo: 'ICN', warp: true, gateway: true });
  });

  it('reads a 2020-era trace without gateway fields', () => {
    expect(parseTrace('fl=4f1\nh=a.example\ncolo=AMS\nwarp=off\n')).toEqual({
      colo: 'AMS',
      warp: false,
      gateway: false,
    });
  });

  it.each([
    ['an HTML page', '<html><body>fl=1 colo=ICN</body></html>'],
    ['empty', ''],
    ['JSON', '{"colo":"ICN"}'],
  ])('rejects %s', (_, body) => expect(parseTrace(body)).toBeNull());

  it('drops a colo that is not an IATA code', () => {
    expect(parseTrace('fl=1\ncolo=<script>\n')?.colo).toBeNull();
  });
});
