/**
 * @file The words around a number that tell AP's exceptions from a plain count. AP uses figures for
 * ages, money, measurements, percentages, scores and votes, millions, times, and for numbers that
 * label something (No. 3, page 5, Route 9, grade 3); only a plain count of things is spelled out.
 */
const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/u).filter(Boolean));

/** After a figure: the figure measures, scores or labels, so AP keeps it ("3 percent", "3 feet"). */
export const FIGURE_UNITS = words(`
  percent percentage pct per cent cents dollars dollar pounds pound pence euros euro yen yuan pesos peso rupees rupee francs franc
  rand krona kronor kroner shekels bitcoin bucks
  million millions billion billions trillion trillions thousand hundred dozen
  inch inches foot feet yard yards mile miles meter meters metre metres kilometer kilometers kilometre kilometres km
  centimeter centimeters centimetre centimetres cm millimeter millimeters millimetre millimetres mm
  acre acres hectare hectares square cubic degree degrees mph kph knots ounce ounces oz gram grams kilogram kilograms
  kilo kilos kg lb lbs ton tons tonne tonnes liter liters litre litres gallon gallons pint pints quart quarts cup cups
  tablespoon tablespoons teaspoon teaspoons calorie calories volt volts watt watts kilowatt kilowatts megawatt megawatts
  ft in yd mi sq gigawatt gigawatts horsepower gigabytes megabytes terabytes megapixels carat carats karat karats
  second seconds minute minutes hour hours o'clock am pm
  point points goal goals run runs vote votes stroke strokes yard-line wicket wickets innings set sets lap laps
  rebound rebounds assist assists touchdown touchdowns save saves
  x to or and by of in out for from through nil all under over up down
`);

/** Before a figure: a label or an age ("page 3", "grade 5", "aged 7"), so AP keeps the figure. */
export const FIGURE_LABELS = words(`
  page pages p pp chapter room route highway interstate lane line platform gate exit terminal pier berth bay section
  article clause paragraph amendment rule step phase stage tier level grade year class category type size model
  version channel number no no. nos nos. game match round act scene verse volume vol issue part unit apartment apt suite
  floor flight seat row box district ward precinct division zone cohort wave day week pick figure fig table item option
  lot plot block building court field pitch hole bus train mark series season episode track
  aged age ages plus minus
`);

/** Sentence-opening words that can come before a count ("Only 3 ships…"); any other capital is a name ("Halo 2"). */
export const OPENERS = words(`
  only about some just nearly almost around roughly all and but with after for in at by over under another those these
  its their his her our my your we they he she it i there then when while if as since until of on from to between more fewer
  less least at the a an another each every once
`);

/** A singular verb after a figure: the figure names something ("3 says it will…" — the network Three), it does not count. */
export const SINGULAR_VERBS = words('is was has says does');

/** Periods of time that make an age when "old" or "of age" follows ("5 years old"). */
export const AGE_UNITS = words('year years month months week weeks day days');

/** After a hyphen, words that make a number word part of something else ("twenty-first", "forty-odd"). */
export const NOT_A_COUNT_AFTER_HYPHEN = words('first second third fourth fifth sixth seventh eighth ninth something somethings odd fold ish');

/** A figure then a bigger unit that AP always writes with figures ("5 percent", "3 million", "7 cents"). */
export const FIGURE_ONLY_UNITS = 'percent|per cent|million|billion|trillion|cents';
