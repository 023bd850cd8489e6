import { Controller } from '../../src/content/controller';
import { LOCAL_PAGES, NEWS_SITES } from '../../src/shared/sites';
import './style.css';

export default defineContentScript({
  matches: [...NEWS_SITES, ...LOCAL_PAGES],
  runAt: 'document_idle',
  async main(ctx) {
    await new Controller(ctx).start();
  },
});
