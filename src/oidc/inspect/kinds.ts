/** The kinds of paste the inspector recognises (in their own module: the share link needs only these). */
export type PasteKind = 'jwt' | 'authorization-url' | 'callback-url' | 'token-response' | 'redirect-pair';

export const pasteKinds: readonly PasteKind[] = [
  'jwt',
  'authorization-url',
  'callback-url',
  'token-response',
  'redirect-pair',
];

export const pasteKindLabel: Record<PasteKind, string> = {
  jwt: 'a token (JWT)',
  'authorization-url': 'an authorization URL',
  'callback-url': 'the URL your app was sent back to',
  'token-response': 'a token endpoint JSON answer',
  'redirect-pair': 'two redirect URIs, one per line (registered, then sent)',
};

/** A `?kind=` value, if it is one. */
export function parsePasteKindValue(value: string | null): PasteKind | undefined {
  return pasteKinds.find((k) => k === value);
}
