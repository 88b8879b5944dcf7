import { BlockList, isIP, isIPv4 } from 'node:net';
import type { Server } from 'node:http';

/** Routes that spend the per-IP budget: the API and WebSocket upgrades, decided on the route that matched. */
export function isBudgetedRoute(route: string | undefined): boolean {
  return route !== undefined && (route.startsWith('/api/') || route === '/ws');
}

/** An IPv4 address written as IPv6 (`::ffff:127.0.0.1`) is the IPv4 address. */
export function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** Open things counted per client address, released when they close. */
export class PerAddressCount {
  private readonly counts = new Map<string, number>();

  /** Counts one more for the address unless it is at the cap; false: over the cap, nothing counted. */
  take(address: string, cap: number): boolean {
    const open = this.counts.get(address) ?? 0;
    if (open >= cap) return false;
    this.counts.set(address, open + 1);
    return true;
  }

  release(address: string): void {
    const open = (this.counts.get(address) ?? 1) - 1;
    if (open > 0) this.counts.set(address, open);
    else this.counts.delete(address);
  }
}

/**
 * Caps open TCP connections per client address and in total (0: no cap). A connection beyond a cap is closed before
 * anything is read from it, so a flood of idle or trickling sockets from one address cannot hold the server's.
 */
export function capConnections(server: Server, caps: { perIp: number; total: number }, onRefused: (cap: 'per_ip' | 'total') => void): void {
  if (caps.total > 0) {
    // Node closes connections over maxConnections itself and reports each with 'drop'.
    server.maxConnections = caps.total;
    server.on('drop', () => onRefused('total'));
  }
  if (caps.perIp <= 0) return;
  const open = new PerAddressCount();
  server.on('connection', (socket) => {
    const address = plainAddress(socket.remoteAddress ?? '');
    if (!open.take(address, caps.perIp)) {
      socket.destroy();
      onRefused('per_ip');
      return;
    }
    socket.once('close', () => open.release(address));
  });
}

/** Whether a client address is in a list of IPs and CIDRs. */
export function addressAllowList(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', bits] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return (address) => {
    const plain = plainAddress(address);
    return isIP(plain) !== 0 && list.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  };
}
