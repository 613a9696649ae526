/** Start a server process and wait (60 s at most: CI machines are slow and shared) for its `listening on` line. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Listening {
  url: string;
  child: ChildProcess;
  stderr: () => string;
}

export function spawnListening(args: string[], env: Record<string, string> = {}): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`no "listening on" line in 60 s; stderr: ${err}`)), 60_000);
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /listening on (http:\/\/\S+)\n/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1].replace('localhost', '127.0.0.1'), child, stderr: () => err });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before listening; stderr: ${err}`));
    });
  });
}
