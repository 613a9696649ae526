/**
 * Reads a Server-Sent Events stream in a test with fetch and a stream reader: `next()` hands out its `event:`
 * frames one at a time (skipping the retry line, comments and heartbeats), `seen.text` is everything read so far.
 */

export interface SseFrame<T> {
  event: string;
  id: string | undefined;
  data: T;
}

export interface SseReader<T> {
  response: Response;
  next(timeoutMs?: number): Promise<SseFrame<T>>;
  seen: { text: string };
  close(): void;
}

export async function openStream<T = { id: string; status: string; revision: string }>(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseReader<T>> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const seen = { text: '' };
  let buffer = '';
  const next = async (timeoutMs = 10_000): Promise<SseFrame<T>> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const lines = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
        const event = field('event');
        const data = field('data');
        if (event && data) return { event, id: field('id'), data: JSON.parse(data) as T };
        continue; // the retry line, a comment or a heartbeat
      }
      if (!reader) throw new Error('no body');
      let timeout: NodeJS.Timeout | undefined;
      const timer = new Promise<never>((_, reject) => {
        timeout = setTimeout(() => reject(new Error('no event in time')), Math.max(0, deadline - Date.now()));
      });
      const chunk = await Promise.race([reader.read(), timer]).finally(() => clearTimeout(timeout));
      if (chunk.done) throw new Error('stream ended');
      const text = decoder.decode(chunk.value, { stream: true });
      seen.text += text;
      buffer += text;
    }
  };
  return { response, next, seen, close: () => controller.abort() };
}
