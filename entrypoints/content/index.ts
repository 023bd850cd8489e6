import { Controller } from '../../src/content/controller';
import { LOCAL_PAGES, NEWS_SITES } from '../../src/shared/sites';
import './style.css';

export default defineContentScript({
  matches: [...NEWS_SITES, ...LOCAL_PAGES],
  runAt: 'document_idle',
  // Articles are sometimes framed; each frame with enough Chinese text gets its own run (keyed by frame).
  allFrames: true,
  async main(ctx) {
    await new Controller(ctx).start();
  },
});
