import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
vi.mock('./browser.ts', () => ({ browser: { runtime: { sendMessage } } }));
const { ignoreRefusal, MessageRefused, send } = await import('./send.ts');

beforeEach(() => sendMessage.mockReset());

describe('send', () => {
  it('sends the envelope and resolves with the answer', async () => {
    sendMessage.mockResolvedValue([]);
    await expect(send('watch/list', {})).resolves.toEqual([]);
    expect(sendMessage).toHaveBeenCalledWith({ type: 'watch/list', payload: {} });
  });

  it('rejects with MessageRefused, naming the type and reason, when the background refuses', async () => {
    sendMessage.mockResolvedValue({ error: 'refused', reason: 'channel' });
    const refused = send('tab/get', { tabId: 3 });
    await expect(refused).rejects.toBeInstanceOf(MessageRefused);
    await expect(refused).rejects.toMatchObject({ type: 'tab/get', reason: 'channel' });
  });

  it('ignoreRefusal settles a refusal but passes other failures on', async () => {
    sendMessage.mockResolvedValueOnce({ error: 'refused', reason: 'rate-limit' });
    await expect(
      send('page/restored', { status: null, document: { startedAt: 1, shownAt: 1 } }).catch(ignoreRefusal),
    ).resolves.toBeUndefined();
    sendMessage.mockRejectedValueOnce(new Error('Could not establish connection'));
    await expect(
      send('page/restored', { status: null, document: { startedAt: 1, shownAt: 1 } }).catch(ignoreRefusal),
    ).rejects.toThrow('Could not establish');
  });
});
