/** Forgiving checks of IP address and CIDR text, as Go's net/netip would accept them (never throws). */

export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  // netip rejects leading zeros ("010"), which older parsers read as octal.
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIPv6(text: string): boolean {
  if (!text.includes(':') || /[^0-9a-fA-F:.]/.test(text)) return false;
  const doubleColons = text.split('::').length - 1;
  if (doubleColons > 1) return false;
  let groups = text.split(':');
  // An embedded IPv4 tail counts as two groups.
  const last = groups[groups.length - 1]!;
  let extra = 0;
  if (last.includes('.')) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    extra = 2;
  }
  if (doubleColons === 0) return groups.length + extra === 8 && groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g));
  const filled = groups.filter((g) => g !== '');
  return filled.length + extra <= 7 && filled.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g));
}

export function isIP(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

export function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 0) return false;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  if (isIPv4(address)) return Number(bits) <= 32;
  if (isIPv6(address)) return Number(bits) <= 128;
  return false;
}
