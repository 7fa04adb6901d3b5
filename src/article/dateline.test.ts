import { describe, expect, it } from 'vitest';
import { parseDateline } from './dateline.js';

describe('parseDateline', () => {
  it('reads place, date and agency', () => {
    const d = parseDateline('PORT ALDER, March 4 (Meridian Press) - The city closed the bridge.');
    expect(d).toMatchObject({ place: 'PORT ALDER', date: 'March 4', credit: 'Meridian Press' });
    expect('PORT ALDER, March 4 (Meridian Press) - The city'.slice(d?.length)).toBe('The city');
  });

  it('reads an agency glued to the place', () => {
    expect(parseDateline('BEIJING-UNS: Caretaker Prime Minister met')).toMatchObject({
      place: 'BEIJING',
      credit: 'UNS',
    });
    expect(parseDateline('WASHINGTON (AP) — The Senate voted')).toMatchObject({
      place: 'WASHINGTON',
      credit: 'AP',
    });
  });

  it('does not take an opening sentence or a label for a dateline', () => {
    expect(parseDateline('The city of Port Alder closed the bridge - for now.')).toBeUndefined();
    expect(parseDateline('BREAKING: the bridge is closed')).toBeUndefined();
    expect(parseDateline('NASA said on Monday that the launch would go ahead.')).toBeUndefined();
  });
});

describe('dateline dates', () => {
  it('date an article whose dateline names the year', async () => {
    const { buildArticle } = await import('./build.js');
    const text = 'WASHINGTON, March 4, 2026 (AP) - The Senate voted on Tuesday to keep the bridge fund.';
    const a = buildArticle({ title: 'T', text, sections: [], furniture: [] });
    expect(a.published).toBe('2026-03-04T00:00:00.000Z');
    expect(a.sentences[0].text).toBe('The Senate voted on Tuesday to keep the bridge fund.');
  });
});
