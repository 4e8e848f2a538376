import { BlockList, isIP } from 'node:net'

/**
 * Address ranges a fetch triggered from chat must never reach: loopback, private, carrier-grade
 * NAT, link-local (which holds the cloud metadata address 169.254.169.254), multicast, reserved,
 * and their IPv6 counterparts. IPv4-mapped IPv6 addresses are checked as the IPv4 they carry.
 */
const BLOCKED = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4')
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6')
}

const MAPPED_IPV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i

/** True when `address` (an IP literal) is loopback, private, link-local, metadata or otherwise not public. */
export function isBlockedAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase()
  const mapped = MAPPED_IPV4.exec(bare)
  if (mapped?.[1] !== undefined) return isBlockedAddress(mapped[1])
  const family = isIP(bare)
  // Not an address at all: refuse rather than guess.
  if (family === 0) return true
  return BLOCKED.check(bare, family === 4 ? 'ipv4' : 'ipv6')
}

/**
 * Host names and addresses an operator allowed despite the address checks (`FETCH_ALLOW_HOSTS`):
 * matched without the port, case-insensitively, IPv6 without brackets.
 */
export function createHostAllowList(hosts: readonly string[]): (hostOrAddress: string) => boolean {
  const allowed = new Set(hosts.map(normaliseHost).filter((host) => host !== ''))
  return (hostOrAddress) => allowed.has(normaliseHost(hostOrAddress))
}

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '')
}
