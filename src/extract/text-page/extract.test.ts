/**
 * Furniture removal on pages written for these tests (not the seeds): each kind of furniture the
 * compare issue names, in wordings the seeds do not use.
 */
import { describe, expect, it } from 'vitest';
import { extractTextPage } from './extract.js';
import { furnitureScore, lineFeatures } from './furniture.js';

const page = `Council approves new cycle lanes for Riverside
Council approves new cycle lanes for Riverside
By Staff Reporter
Riverside council on Thursday approved a plan to build 14 kilometres of protected cycle lanes along the river.
The plan, which will cost 6.5 million dollars, was passed by 21 votes to 9 after a three-hour debate.
"This is the biggest change to our streets in a generation," said councillor Amara Osei.
Shop owners on Quay Street had opposed the plan, saying it would remove 200 parking places.
Work is expected to begin in the spring and to last two years.
Edited by: Tom Rees
Follow Amara Osei on Twitter @amaraosei
Share this article
Facebook
Twitter
LinkedIn
Follow us on Instagram for more local news
Related Posts
Bus fares frozen for another year
Library opening hours extended
Previous Post
Flood barrier tested ahead of winter
Riverside's flood barrier was raised for a test on Sunday, officials said.
Leave a comment
Comments may be no longer than 2000 characters and will appear once a moderator has read them.
Your email address will not be published.
Post Comment
`;

describe('extractTextPage', () => {
  const out = extractTextPage(page);
  const text = out.text;

  it('keeps the story, in order', () => {
    expect(out.title).toBe('Council approves new cycle lanes for Riverside');
    expect(text).toContain('Riverside council on Thursday approved');
    expect(text).toContain('Work is expected to begin in the spring');
    expect(text.indexOf('6.5 million')).toBeLessThan(text.indexOf('Shop owners'));
  });

  it('removes credits, share and follow calls, link lists, teasers and comment prompts', () => {
    for (const gone of [
      'Edited by',
      'Share this article',
      'Facebook',
      'Follow us',
      'Follow Amara Osei',
      'no longer than 2000 characters',
      'Related Posts',
      'Bus fares frozen',
      'Previous Post',
      'flood barrier was raised',
      'Leave a comment',
      'email address',
      'Post Comment',
    ]) {
      expect(text, gone).not.toContain(gone);
    }
  });

  it('knows a comment policy and a call to follow a writer, wherever they stand', () => {
    for (const line of [
      'Comments may be no longer than 2000 characters and will post to the site shortly after submitting.',
      'Comments are moderated.',
      'Follow Marcas on Twitter @MarcasG',
    ])
      expect(furnitureScore(lineFeatures(line)), line).toBeGreaterThanOrEqual(1);
    expect(furnitureScore(lineFeatures('Follow the money, the inspectors said on Twitter.'))).toBeLessThan(1);
  });

  it("knows a blog's notes under a post, a site's rules for comments and its notices, at any length", () => {
    for (const line of [
      'This entry was posted on Monday, March 3rd, 2025 at 9:14 am and is filed under Harbour News.',
      'You can follow any replies to this post through the Atom feed.',
      'You can skip to the end and leave a response. Pinging is currently not allowed.',
      'Both comments and pings are currently closed.',
      'Guidelines: Reader comments must stay on the topic of the story.',
      'The Riverside Echo reserves the right to remove comments that contain insults, spam or personal attacks, and to close any discussion without notice.',
      'Please keep your comments civil.',
      '(For more updates, follow the Echo on Facebook, Twitter and Instagram)',
      'Media enquiries: press office, 555-0142',
      'Powered by a content management system of our own.',
      'The views expressed in this column are those of the author and not of the Riverside Echo.',
      'For more information:',
      '- Ferry timetable changes for the winter season Read more...',
      'The harbour company said on Monday that ferry fares would rise by five percent in April, and that a monthly pass would cost 84 dollars. Continue reading →',
      'By listing events on this site, the Riverside Echo shall not be deemed to recommend or guarantee them,',
      'Opinions in reader letters do not necessarily reflect the views of the Riverside Echo.',
      'All photographs and text are copyright protected; please do not copy them without our written permission.',
      'If you enjoyed this post, please consider leaving a comment or subscribing to the feed to have future posts delivered to your reader.',
      'Sign up to the Riverside Echo newsletter and you will get our harbour guide free. You will also receive tips on where to moor, what to see and what it costs, every week of the season.',
      'Want the latest from the harbour? Follow @riversideecho on Twitter',
      'You should like the Riverside Echo on Facebook here.',
      'The writer does not hold a financial interest in any stocks mentioned in this article.',
      'The Riverside Echo has a full disclosure policy.',
      '12 comments, displaying first',
      'Sort comments by',
      'Link to this comment:',
      'Notify me of follow-up comments by email.',
      'One comment',
      '6 Comments |',
      'Subscribe to new posts via RSS or email.',
      'Sign up for free email updates and win a weekend on the harbour!',
      'Note: The views and opinions expressed in this post are those of the author and do not necessarily reflect the position of the Echo.',
      'Please do not reproduce wholly or in part without a licence.',
      'A version of this article appeared in print on 03/04/2025, on page B2 of the harbour edition.',
      'All photos are licensed under a Creative Commons licence that allows sharing with attribution.',
    ])
      expect(furnitureScore(lineFeatures(line)), line).toBeGreaterThanOrEqual(1);
    for (const prose of [
      'She said she would follow the inquiry on Twitter as it unfolded.',
      'Investigators said they would read more of the files before deciding.',
      'The views expressed by residents at the meeting were mostly against the plan.',
      'The council said it reserves the right to close the road again if the repairs fail.',
      'The party does not endorse candidates in primaries, its chairman said.',
      'Ministers will not be held to account for the delays, the opposition said.',
      'The company said it is not responsible for the content of apps that others make.',
      'She said she liked the plan on Facebook before she read it.',
      'If you enjoyed the first book, the author said, you will enjoy the second.',
      'The fund does not hold shares in the companies mentioned by the regulator, a spokesman said.',
      'The senator does not hold a position in the companies named in the report, his office said.',
      'The company said its drivers could not operate without a licence from the city, which it has applied for twice since March.',
      'The festival signed up for email alerts from the weather service, its director said on Monday after the storm had passed.',
      'Members were urged to subscribe to the harbour fund before the vote on Friday, which the council will hold at the town hall.',
    ])
      expect(furnitureScore(lineFeatures(prose)), prose).toBeLessThan(1);
  });

  it("knows a comment form's spam check, however long its line", () => {
    const line =
      'As a final step before posting your comment, enter the letters and numbers you see in the image below. This prevents automated programs from posting comments.';
    expect(furnitureScore(lineFeatures(line))).toBeGreaterThanOrEqual(1);
  });

  it('keeps one printing of a paragraph the page prints twice', () => {
    const twice = extractTextPage(
      [
        'Ferry fares rise in April',
        'Ferry fares will rise by five percent in April, the harbour company said on Monday.',
        'A single crossing will cost 3.15 dollars, and a monthly pass 84 dollars.',
        'Ferry fares will rise by five percent in April, the harbour company said on Monday.',
        'Fares last rose two years ago.',
      ].join('\n'),
    );
    expect(twice.text.split('harbour company said')).toHaveLength(2);
    expect(twice.text).toContain('Fares last rose two years ago.');
    expect(twice.furniture).toContain(
      'Ferry fares will rise by five percent in April, the harbour company said on Monday.',
    );
  });

  it('removes a caption that only repeats the headline, and keeps what it removed for audit', () => {
    expect(text).not.toMatch(/^Council approves/);
    expect(out.furniture.join('\n')).toContain('Leave a comment');
    expect(out.furniture.join('\n')).toContain('Previous Post');
  });

  it('keeps the first line as the lead when the page has no headline', () => {
    const body =
      'The mayor of Riverside said on Monday that the city would repair the old stone bridge before winter.\nThe work will cost 2 million dollars.';
    const r = extractTextPage(body);
    expect(r.title).toBe('');
    expect(r.text).toContain('The mayor of Riverside said');
    // Shorter, or opening with a shouted word, a sentence is still no headline; a headline with a
    // full stop is still one.
    for (const lead of [
      'Well, here is something we all knew would happen eventually.',
      'CORONATION Street actress Tracy Shaw told yesterday how she came close to quitting the show.',
    ])
      expect(extractTextPage(`${lead}\nThe work will cost 2 million dollars.`).title).toBe('');
    expect(
      extractTextPage('Harbour Ferry Runs Aground Off Point Alder.\nThe work will cost 2 million dollars.')
        .title,
    ).toBe('Harbour Ferry Runs Aground Off Point Alder.');
  });

  it("reads the page's date line above the headline as its date, and the headline after it", () => {
    const stamped = `Last Updated: Monday, 28 November 2005, 02:24 GMT
Harbour ferry runs aground off Point Alder
A harbour ferry carrying 140 passengers ran aground off Point Alder on Sunday evening, the coastguard said.
Nobody was hurt, and the passengers were taken ashore by lifeboat within two hours of the grounding.
Next Post
Tue Oct 17 , 2023
`;
    const r = extractTextPage(stamped);
    expect(r.title).toBe('Harbour ferry runs aground off Point Alder');
    expect(r.published).toBe('2005-11-28T02:24:00.000Z');
    expect(r.furniture[0]).toContain('Last Updated');
    expect(r.text).not.toContain('2005');
    // A date further down (a teaser's) is not the page's.
    expect(extractTextPage(stamped.split('\n').slice(1).join('\n')).published).toBeUndefined();
  });

  it('splits a page of several stories into sections at their headings', () => {
    const roundup = `News in brief
Bridge tests continue
Engineers said on Monday that four more cables had been checked and showed no cracks. Testing will take ten more days.
Ferry numbers double
The harbour ferries carried 31,000 passengers on Friday, twice their usual number, the operator said.
Weekend weather
Forecasters expect a dry and mild weekend with highs of 14 degrees on Saturday.
`;
    const r = extractTextPage(roundup);
    expect(r.sections.map((s) => s.title)).toEqual([
      'Bridge tests continue',
      'Ferry numbers double',
      'Weekend weather',
    ]);
  });
});

describe('a hard-wrapped page', () => {
  const wrapped = [
    'Harbour bridge to reopen in May',
    '',
    'The mayor of Port Alder told the council on Tuesday that the harbour bridge',
    'would reopen in May, once every cable had been tested and the engineers had',
    'signed off on the repairs, and that the city would pay for the work itself.',
    '',
    '"We will not gamble with people\'s lives," she said, adding that the council',
    'had voted on the plan on Tuesday evening after a long debate about the cost of',
    'the repairs.',
    '',
    'Traffic will use the ferry until then.',
  ].join('\n');

  it('reads each paragraph as one, and no line of one as a heading', () => {
    const out = extractTextPage(wrapped);
    expect(out.title).toBe('Harbour bridge to reopen in May');
    expect(out.text.split('\n\n')).toEqual([
      'The mayor of Port Alder told the council on Tuesday that the harbour bridge would reopen in May, once every cable had been tested and the engineers had signed off on the repairs, and that the city would pay for the work itself.',
      '"We will not gamble with people\'s lives," she said, adding that the council had voted on the plan on Tuesday evening after a long debate about the cost of the repairs.',
      'Traffic will use the ferry until then.',
    ]);
    expect(out.sections.every((s) => s.title === undefined)).toBe(true);
  });

  it('keeps a headline as long as a full line apart from the story under it', () => {
    // As long as the lines under it, ending without a stop, with no blank line after it.
    const headline = 'Harbour bridge in Port Alder to reopen in May once its cables are tested';
    const out = extractTextPage(wrapped.replace('Harbour bridge to reopen in May\n\n', `${headline}\n`));
    expect(out.title).toBe(headline);
    expect(out.text).toMatch(/^The mayor of Port Alder/);
  });

  it('leaves a page whose lines are its paragraphs as it is', () => {
    const lines = page.split('\n').filter(Boolean);
    expect(
      extractTextPage(page)
        .text.split('\n\n')
        .every((p) => lines.includes(p)),
    ).toBe(true);
  });
});
