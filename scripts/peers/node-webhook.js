// Measurement peer for scripts/bench-serve and scripts/callgrind-serve (not part of ivrc): the
// webhook a user would write without ivrc, a bare Node `http` server that reads the form and
// answers the document's bytes.
//
//     node node-webhook.js FILE PORT
const http = require('http');
const fs = require('fs');
const body = fs.readFileSync(process.argv[2]);
http.createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    new URLSearchParams(Buffer.concat(chunks).toString());
    response.writeHead(200, {'Content-Type': 'application/xml'});
    response.end(body);
  });
}).listen(Number(process.argv[3]), '127.0.0.1');
