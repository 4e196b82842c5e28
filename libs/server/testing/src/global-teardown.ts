export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __LZ_EMBEDDED_PG__?: { stop(): Promise<void> } })
    .__LZ_EMBEDDED_PG__;
  await server?.stop();
}
