const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;
const IPV6 = /^[0-9a-fA-F:]*:[0-9a-fA-F:.]*\/(12[0-8]|1[01]\d|[1-9]?\d)$/;

/** Whether `text` reads as an IPv4 or IPv6 CIDR such as `203.0.113.0/24` or `2001:db8::/32`. */
export function isCidr(text: string): boolean {
  return IPV4.test(text) || IPV6.test(text);
}
