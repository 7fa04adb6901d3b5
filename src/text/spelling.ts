/**
 * British → American spelling, so that "emphasised" and "emphasized", "defence" and "defense",
 * "travelled" and "traveled" compare equal. Word lists rather than blind suffix rules: "-ise" and
 * "-our" rules alone would break "promise", "exercise", "four" and "hour".
 */

/** Stems whose British "-ise"/"-yse" forms take "-ize"/"-yze" in American spelling. */
const IZE_STEMS =
  `organ recogn real emphas apolog critic author priorit character minim maxim mobil stabil final
summar util special sympath symbol legal normal privat modern jeopard scrutin capital categor central civil colon
criminal custom destabil digit econom energ equal familiar fertil galvan global harmon hospital ideal immun
industrial initial international legitim liberal local marginal memor monopol national neutral optim patron penal
polar popular public radical rational revital sanit scandal sensit social standard steril subsid terror theor
trivial union urban vandal victim visual vocal western agon antagon dramat fantas hypothes metabol ostrac
commercial computer decentral demoral desensit dehumanis democrat demon digital economis empath evangel extern
formal fossil harmon human immobil internal item jeopard lion magnet mechan mesmer militar miniatur moral
motor normal organis personal philosoph plagiar politic polar pressur proselyt random recogn regular reorgan
satir secular sensational serial stigmat strateg synchron systemat tantal tenderis tyrann vapor apologis
sterilis utilis finalis authoris categoris characteris prioritis`
    .split(/\s+/)
    .filter((s) => s && !s.endsWith('is'));
const IZE = new Set(IZE_STEMS);
const IZE_SUFFIXES: Array<[string, string]> = [
  ['isations', 'izations'],
  ['isation', 'ization'],
  ['ising', 'izing'],
  ['ised', 'ized'],
  ['ises', 'izes'],
  ['iser', 'izer'],
  ['isers', 'izers'],
  ['ise', 'ize'],
];
const YSE_STEMS = new Set(['anal', 'paral', 'catal', 'breathal', 'dial', 'electrol', 'hydrol']);

/** "-our" words (with their derived forms) that are "-or" in American spelling. */
const OUR_STEMS = new Set(
  `col fav hon lab neighb behavi harb rum hum vap vig endeav arm od saviour splend tum val flav parl clam cand ferv
ranc ard arb demean glam harb savi succ`.split(/\s+/),
);

const WHOLE: Record<string, string> = Object.assign(
  Object.create(null),
  Object.fromEntries(
    `defence:defense offence:offense licence:license pretence:pretense grey:gray programme:program programmes:programs
catalogue:catalog analogue:analog tyre:tire tyres:tires aluminium:aluminum manoeuvre:maneuver manoeuvres:maneuvers
paediatric:pediatric anaemia:anemia haemorrhage:hemorrhage oestrogen:estrogen foetus:fetus encyclopaedia:encyclopedia
mould:mold plough:plow sceptical:skeptical sceptic:skeptic ageing:aging judgement:judgment acknowledgement:acknowledgment
whilst:while amongst:among learnt:learned burnt:burned dreamt:dreamed spelt:spelled kerb:curb pyjamas:pajamas
cosy:cozy moustache:mustache sulphur:sulfur draught:draft gaol:jail jewellery:jewelry fulfil:fulfill skilful:skillful
instalment:installment enrol:enroll wilful:willful mediaeval:medieval orthopaedic:orthopedic leukaemia:leukemia
diarrhoea:diarrhea cheque:check cheques:checks storey:story storeys:stories practise:practice practised:practiced
practising:practicing towards:toward afterwards:afterward`
      .split(/\s+/)
      .filter(Boolean)
      .map((p) => p.split(':') as [string, string]),
  ),
);

const RE_WORDS = new Set(
  `centre theatre metre litre fibre calibre sombre spectre lustre meagre sceptre kilometre millimetre centimetre
saltpetre sabre titre goitre`.split(/\s+/),
);

const LL_STEMS = new Set(
  `travel cancel label model fuel counsel level signal channel marshal total quarrel tunnel dial pencil shovel jewel
duel equal rival marvel revel grovel swivel yodel pedal panel initial libel barrel bevel chisel enamel funnel
gravel kennel parcel ravel snivel spiral stencil tassel towel unravel`.split(/\s+/),
);

/** American spelling of a lowercase word (the word itself when no rule applies). */
export function americanSpelling(word: string): string {
  const whole = WHOLE[word];
  if (whole) return whole;
  if (word.length < 4) return word;
  if (word.includes('is')) {
    for (const [from, to] of IZE_SUFFIXES) {
      if (word.endsWith(from)) {
        const stem = word.slice(0, -from.length);
        if (IZE.has(stem)) return stem + to;
      }
    }
  }
  if (word.includes('ys')) {
    const m = /^(\w+)ys(e|es|ed|ing|er|ers)$/.exec(word);
    if (m && YSE_STEMS.has(m[1])) return `${m[1]}yz${m[2]}`;
  }
  if (word.includes('our')) {
    const m = /^(\w+)our(s|ed|ing|er|ers|ite|ites|able|ably|ful|less|hood|hoods|ist|ists)?$/.exec(word);
    if (m && OUR_STEMS.has(m[1])) return `${m[1]}or${m[2] ?? ''}`;
  }
  if (word.includes('re')) {
    const m = /^(\w+)re(s|d)?$/.exec(word);
    if (m && RE_WORDS.has(`${m[1]}re`)) return `${m[1]}er${m[2] ?? ''}`;
  }
  if (word.includes('ll')) {
    const m = /^(\w+)l(led|ling|ler|lers)$/.exec(word);
    if (m && LL_STEMS.has(`${m[1]}l`)) return `${m[1]}l${m[2].slice(1)}`;
  }
  return word;
}
