import { describe, expect, it } from 'vitest';
import { readDateLine } from './date-line.js';

describe('readDateLine', () => {
  it('reads a labelled date line, with its time where the zone is UTC', () => {
    expect(readDateLine('Last Updated: Monday, 28 November 2005, 02:24 GMT')).toEqual({
      published: '2005-11-28T02:24:00.000Z',
    });
    expect(readDateLine('Posted on March 3, 2021 at 9:15 a.m. ET')).toEqual({
      published: '2021-03-03T00:00:00.000Z',
    });
    expect(readDateLine('Published 2019-06-30')).toEqual({ published: '2019-06-30T00:00:00.000Z' });
  });

  it('reads stamps as tokenised sources write them', () => {
    expect(readDateLine('9: 53 AM, MON 22 JUL 2013')?.published).toBe('2013-07-22T00:00:00.000Z');
    expect(readDateLine('9 September 2013, 14: 08')?.published).toBe('2013-09-09T00:00:00.000Z');
    expect(readDateLine('Tue Oct 17 , 2023')?.published).toBe('2023-10-17T00:00:00.000Z');
    expect(readDateLine('Posted 11 / 27 / 2005 7: 21 AM')?.published).toBe('2005-11-27T00:00:00.000Z');
    expect(readDateLine('11 / 28 / 05')?.published).toBe('2005-11-28T00:00:00.000Z');
  });

  it('reads a line of two stamps as the earlier date', () => {
    expect(
      readDateLine('Posted: Nov 27, 2005 8: 20 AM ET Last Updated: Nov 28, 2005 8: 10 PM ET')?.published,
    ).toBe('2005-11-27T00:00:00.000Z');
    expect(readDateLine('Updated 11:40 BST, Published 2019-06-30')?.published).toBe(
      '2019-06-30T00:00:00.000Z',
    );
    expect(readDateLine('Posted: Nov 27, 2005 by the night desk')).toBeUndefined();
  });

  it('knows a date line that names no whole day', () => {
    expect(readDateLine('8: 24am:')).toEqual({});
    expect(readDateLine('Updated 11:40 BST')).toEqual({});
    // Day first or month first: only a day above 12 tells.
    expect(readDateLine('Article posted on 08. 07. 2012')).toEqual({});
    expect(readDateLine('Posted 25/07/2012')?.published).toBe('2012-07-25T00:00:00.000Z');
  });

  it('is not fooled by lines that only mention a date, or by impossible ones', () => {
    expect(readDateLine('End of Watch: Friday, June 24, 2005')).toBeUndefined();
    expect(readDateLine('The fire broke out on March 3, 2021.')).toBeUndefined();
    expect(readDateLine('Page 2')).toBeUndefined();
    expect(readDateLine('Marc  July 10th, 2012, 8:43 am')).toBeUndefined();
    expect(readDateLine('2023')).toBeUndefined();
    expect(readDateLine('Bus routes 4 and 11')).toBeUndefined();
    expect(readDateLine('April 31, 2021')).toEqual({});
    expect(readDateLine('25:10')).toBeUndefined();
    expect(readDateLine('10:32')).toBeUndefined();
  });
});
