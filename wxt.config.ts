import { defineConfig } from 'wxt';

export default defineConfig({
  manifest: {
    name: 'Tifa 提法',
  },
});
