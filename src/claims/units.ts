/**
 * Units of measure in general English (volume, mass, length, area, energy), in their plain singular
 * form: a figure in one of them is an amount ("80,000 cubic metres", "40,000 gallons"), which answers
 * "how much", whereas a figure of a counted thing ("1,200 nurses") answers "how many". Money and
 * time have their own lists (`money.ts`, `numbers.ts`).
 */
export const MEASURE_UNITS = new Set([
  'gallon', 'litre', 'liter', 'barrel', 'cubic', 'square', 'ton', 'tonne', 'kilogram', 'kg', 'gram', 'ounce', 'lb',
  'metre', 'meter', 'kilometre', 'kilometer', 'km', 'mile', 'foot', 'feet', 'yard', 'inch', 'acre', 'hectare',
  'watt', 'kilowatt', 'megawatt', 'gigawatt', 'bushel',
])
