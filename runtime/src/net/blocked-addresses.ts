/**
 * Addresses the product never calls on behalf of configuration or content unless allow-listed: a webhook
 * URL typed into a journey must not reach the cloud's metadata service or a database on the private network.
 */
import { BlockList, isIP } from "node:net";

const RANGES: { network: string; prefix: number; family: "ipv4" | "ipv6"; kind: string }[] = [
  { network: "0.0.0.0", prefix: 8, family: "ipv4", kind: "unspecified" },
  { network: "127.0.0.0", prefix: 8, family: "ipv4", kind: "loopback" },
  { network: "10.0.0.0", prefix: 8, family: "ipv4", kind: "private" },
  { network: "172.16.0.0", prefix: 12, family: "ipv4", kind: "private" },
  { network: "192.168.0.0", prefix: 16, family: "ipv4", kind: "private" },
  // 169.254.169.254 (AWS, GCP, Azure metadata) lies in here.
  { network: "169.254.0.0", prefix: 16, family: "ipv4", kind: "link-local (metadata)" },
  // 100.100.100.200 (Alibaba Cloud metadata) lies in here.
  { network: "100.64.0.0", prefix: 10, family: "ipv4", kind: "carrier-grade NAT (metadata)" },
  { network: "192.0.0.0", prefix: 24, family: "ipv4", kind: "IETF protocol assignments" },
  { network: "198.18.0.0", prefix: 15, family: "ipv4", kind: "benchmarking" },
  { network: "224.0.0.0", prefix: 4, family: "ipv4", kind: "multicast" },
  { network: "240.0.0.0", prefix: 4, family: "ipv4", kind: "reserved" },
  { network: "::", prefix: 128, family: "ipv6", kind: "unspecified" },
  { network: "::1", prefix: 128, family: "ipv6", kind: "loopback" },
  // IPv4-mapped (::ffff:127.0.0.1) and NAT64 addresses reach IPv4 hosts the rules above would refuse.
  { network: "::ffff:0:0", prefix: 96, family: "ipv6", kind: "IPv4-mapped" },
  { network: "64:ff9b::", prefix: 96, family: "ipv6", kind: "NAT64" },
  // fd00:ec2::254 (AWS metadata over IPv6) lies in here.
  { network: "fc00::", prefix: 7, family: "ipv6", kind: "private (unique local)" },
  { network: "fe80::", prefix: 10, family: "ipv6", kind: "link-local" },
  { network: "ff00::", prefix: 8, family: "ipv6", kind: "multicast" },
];

const lists = RANGES.map((range) => {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, range.family);
  return { list, family: range.family, kind: range.kind };
});

/**
 * Why an IP address may not be called ("loopback", "private", ...), or null when it is a public address.
 * Anything that is not an IP address is refused too: the guard only ever checks resolved addresses.
 */
export function blockedKind(address: string): string | null {
  const version = isIP(address);
  if (version === 0) return "not an IP address";
  const family = version === 4 ? "ipv4" : "ipv6";
  for (const range of lists)
    if (range.family === family && range.list.check(address, family)) return range.kind;
  return null;
}
