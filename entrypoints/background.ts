export default defineBackground(() => {
  // Engine host is wired up in src/background (extension issue).
});
