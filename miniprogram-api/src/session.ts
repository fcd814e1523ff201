import type { components } from './generated/api';

export type TokenPair = components['schemas']['TokenPair'];

/** What is kept across launches with wx.setStorageSync: the token pair and who it belongs to. */
export interface Session {
  userId: string;
  displayName: string;
  tokens: TokenPair;
}

/** The session in wx storage. Reads go to storage each time, so two client instances never disagree. */
export class SessionStore {
  constructor(private readonly key: string) {}

  get(): Session | null {
    try {
      const value = wx.getStorageSync(this.key) as Session | '' | undefined;
      return value && typeof value === 'object' && value.tokens ? value : null;
    } catch (e) {
      return null;
    }
  }

  set(session: Session): void {
    wx.setStorageSync(this.key, session);
  }

  replaceTokens(tokens: TokenPair): void {
    const current = this.get();
    if (current) this.set({ userId: current.userId, displayName: current.displayName, tokens });
  }

  clear(): void {
    wx.removeStorageSync(this.key);
  }
}
