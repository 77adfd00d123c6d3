// Follows a signal stream with the npm eventsource package and prints one JSON line per signal:
//   node follow.mjs <stream url> <how many signals> [Last-Event-ID]
// Prints "open" once connected, then {"id": ..., "signal": {...}} per signal event, and exits 0 after the last one;
// exits 2 when they do not arrive within 30 s.
import { EventSource } from 'eventsource';

const [url, count, lastEventId] = process.argv.slice(2);
let left = Number(count);
const source = new EventSource(url, {
  fetch: (input, init) => fetch(input, {
    ...init,
    headers: { ...init.headers, ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
  }),
});
const timer = setTimeout(() => { console.error('timed out'); source.close(); process.exit(2); }, 30_000);
source.onopen = () => console.log('open');
source.onerror = (error) => console.error(`error: ${error.message ?? error.type}`);
source.addEventListener('signal', (event) => {
  console.log(JSON.stringify({ id: event.lastEventId, signal: JSON.parse(event.data) }));
  if (--left === 0) { clearTimeout(timer); source.close(); process.exit(0); }
});
