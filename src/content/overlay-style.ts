/** Styles of the overlay's shadow root: isolated from the page both ways (:host { all: initial }). */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: absolute; top: 0; left: 0; width: 0; height: 0; }
.card {
  position: absolute; z-index: 3; width: min(380px, calc(100vw - 24px)); max-height: 60vh; overflow: auto;
  background: #fffdf8; color: #1f2328; border: 1px solid #d0c8b8; border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.18); padding: 12px 14px; font: 14px/1.55 system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif;
}
.card[hidden], .badge[hidden] { display: none; }
.card.pinned { border-color: #b07d2b; box-shadow: 0 8px 28px rgba(176,125,43,.35); }
.card h2 { all: unset; display: block; font-size: 20px; font-weight: 600; margin: 0 0 2px; }
.card .py { color: #6b4f1d; font-size: 15px; margin-right: 8px; }
.card .trad { color: #777; font-size: 13px; }
.card .en { font-weight: 600; margin: 4px 0; }
.card .label { color: #6a6a6a; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; margin-top: 8px; }
.card p { margin: 4px 0; }
.card ul { margin: 4px 0; padding-left: 18px; }
.card .src { font-size: 12px; color: #555; }
.card .hint { font-size: 11px; color: #888; margin-top: 8px; }
.card .reading { margin: 4px 0; padding: 4px 8px; border-left: 3px solid #ccc; }
.card .reading.page { border-color: #2a7ae2; }
.card .reading b { font-weight: 600; }
.card .reading .meta { display: block; font-size: 12px; color: #666; }
.card .quote { font-size: 15px; }
.card .gone { color: #a33; text-decoration: line-through; }
.badge {
  position: fixed; z-index: 4; right: 16px; bottom: 16px; padding: 7px 14px; border-radius: 999px; border: 0; cursor: pointer;
  background: #1f2328; color: #fff; font: 13px/1.2 system-ui, "Noto Sans CJK SC", sans-serif; box-shadow: 0 4px 14px rgba(0,0,0,.25);
}
.badge:focus-visible { outline: 2px solid #2a7ae2; outline-offset: 2px; }
.removed {
  position: absolute; z-index: 1; width: 0; border-left: 2px solid #d1242f; pointer-events: auto; cursor: help;
}
.removed::after {
  content: "−"; position: absolute; top: -13px; left: -6px; width: 11px; height: 11px; border-radius: 50%;
  background: #d1242f; color: #fff; font: bold 10px/11px system-ui; text-align: center;
}
.ruby { position: absolute; z-index: 2; transform: translateY(-100%); font: 11px/1 system-ui, sans-serif; color: #6b4f1d; white-space: nowrap; pointer-events: none; }
@media (prefers-color-scheme: dark) {
  .card { background: #22252a; color: #e6e6e6; border-color: #444; }
  .card .py, .ruby { color: #e3b96b; }
  .card .label, .card .src, .card .hint, .card .reading .meta { color: #aaa; }
  .badge { background: #e6e6e6; color: #1f2328; }
}
`;
