// A webhook receiver for the deliveries benchmark: answers 204 at once, counts deliveries and
// distinct webhook-ids, and reports the counts on GET /count. Signatures are not checked here
// (the tests prove them); the benchmark measures Switchboard's side.
import http from 'node:http';

let deliveries = 0;
const ids = new Set<string>();

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/count') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ deliveries, distinct: ids.size }));
    return;
  }
  if (req.url === '/readyz') {
    res.writeHead(200);
    res.end();
    return;
  }
  req.resume();
  req.on('end', () => {
    deliveries++;
    ids.add(String(req.headers['webhook-id'] ?? ''));
    res.writeHead(204);
    res.end();
  });
});
server.keepAliveTimeout = 10_000;
server.listen(Number(process.env.PORT), '127.0.0.1');
