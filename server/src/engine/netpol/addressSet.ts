/**
 * The address module as netpol has always imported it: addresses are parsed, printed and classified in
 * address/ipAddress.ts and range sets are computed in address/addressRange.ts; this file only re-exports them so
 * that netpol's imports stay short. New code imports from address/ directly.
 */
export { parseAddress } from '../address/ipAddress';
export {
  canonicalRanges,
  cutAddressSpace,
  formatRange,
  isWholeFamily,
  parseAddressOrCidr,
  parseCidr,
  parseCidrExact,
  rangeOverlaps,
  rangeWithin,
  subtractRanges,
  wholeFamily,
  type AddressRange,
} from '../address/addressRange';
