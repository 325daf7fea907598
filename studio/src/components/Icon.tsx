import type { SVGProps } from "react";

/** Line icons drawn on a 24px grid; node types name them by `icon`, unknown names get a box. */
const PATHS: Record<string, string> = {
  journeys:
    "M5 6a2 2 0 1 0 0-4 2 2 0 0 0 0 4Zm14 16a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM5 6v5a3 3 0 0 0 3 3h8a3 3 0 0 1 3 3v1",
  profiles: "M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 9a7 7 0 0 1 14 0",
  segments: "M12 3v9l7.8 4.5A9 9 0 1 1 12 3Zm3-0.5a9 9 0 0 1 6.5 11",
  messages: "M4 5h16v11H8l-4 4V5Z",
  analytics: "M4 20V10m6 10V4m6 16v-7m5 7H3",
  settings:
    "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7.4-3a7.4 7.4 0 0 0-.1-1.2l2-1.6-2-3.4-2.4 1a7.3 7.3 0 0 0-2-1.2L14.5 3h-4l-.4 2.6a7.3 7.3 0 0 0-2 1.2l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.4l-2 1.6 2 3.4 2.4-1a7.3 7.3 0 0 0 2 1.2l.4 2.6h4l.4-2.6a7.3 7.3 0 0 0 2-1.2l2.4 1 2-3.4-2-1.6c.1-.4.1-.8.1-1.2Z",
  search: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14Zm10 3-5-5",
  plus: "M12 5v14M5 12h14",
  bolt: "M13 2 4 14h7l-1 8 9-12h-7l1-8Z",
  mail: "M3 6h18v12H3V6Zm0 0 9 7 9-7",
  sms: "M4 5h16v11H9l-5 4V5Zm4 5h8",
  push: "M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2Zm4 4h4",
  telegram: "m21 4-18 7 6 2 2 6 3-4 5 4 2-15ZM9 13l9-6",
  whatsapp: "M4 20l1.5-4A8 8 0 1 1 8 18.5L4 20Zm5-11c0 4 2 6 6 6",
  webhook: "M8 16a4 4 0 1 1 3-7l3 5m-2 4h6a4 4 0 1 0-2-7.5M10 7a4 4 0 1 1 7 3",
  inapp: "M7 3h10v18H7V3Zm4 15h2",
  cascade: "M4 5h6v4H4V5Zm5 5h6v4H9v-4Zm5 5h6v4h-6v-4",
  clock: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-13v4l3 2",
  calendar: "M4 6h16v14H4V6Zm0 4h16M8 3v4m8-4v4",
  hourglass: "M6 3h12M6 21h12M7 3c0 6 10 6 10 9s-10 3-10 9M17 3c0 6-10 6-10 9",
  branch:
    "M6 3v12m0 0a3 3 0 1 0 0 6 3 3 0 0 0 0-6Zm12-9a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm0 0c0 6-12 3-12 9",
  split: "M4 12h6l4-6h6M10 12l4 6h6",
  flask: "M9 3h6M10 3v6l-5 10h14L14 9V3",
  users:
    "M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7Zm-6 9a6 6 0 0 1 12 0m2-9a3 3 0 1 0 0-6m4 15a6 6 0 0 0-4-5.6",
  edit: "M4 20h4L19 9l-4-4L4 16v4Zm10-14 4 4",
  flag: "M5 21V4h11l-2 4 2 4H5",
  exit: "M10 4H5v16h5m4-4 4-4-4-4m4 4H9",
  play: "M7 4v16l13-8L7 4Z",
  box: "M4 7l8-4 8 4v10l-8 4-8-4V7Zm0 0 8 4 8-4m-8 4v10",
  undo: "M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3",
  redo: "m15 14 5-5-5-5m5 5H9a5 5 0 0 0 0 10h3",
  tidy: "M4 4h6v6H4V4Zm10 10h6v6h-6v-6ZM7 10v4a3 3 0 0 0 3 3h4",
  filter: "M3 5h18l-7 8v6l-4 2v-8L3 5Z",
  phone:
    "M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2Z",
  fit: "M4 9V4h5m6 0h5v5m0 6v5h-5m-6 0H4v-5",
  keyboard: "M3 6h18v12H3V6Zm4 8h10M7 10h.01M11 10h.01M15 10h.01",
  check: "m5 12 5 5 9-10",
  alert:
    "M12 9v4m0 4h.01M10.3 3.9 2 18a2 2 0 0 0 1.7 3h16.6A2 2 0 0 0 22 18L13.7 3.9a2 2 0 0 0-3.4 0Z",
  close: "M6 6l12 12M18 6 6 18",
  copy: "M8 8h12v12H8V8Zm-4 8V4h12",
  trash: "M4 7h16M9 7V4h6v3m-8 0 1 13h8l1-13",
  archive: "M3 4h18v4H3V4Zm2 4v12h14V8M10 12h4",
  pause: "M8 5v14m8-14v14",
  logout: "M15 4h4v16h-4M10 8l-4 4 4 4m-4-4h11",
  upload: "M12 16V4m0 0-4 4m4-4 4 4M4 17v3h16v-3",
  eye: "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12Zm10 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z",
  chart: "M4 20V4m0 16h16M8 16l4-5 3 3 5-6",
  more: "M5 12h.01M12 12h.01M19 12h.01",
};

const ALIASES: Record<string, string> = {
  email: "mail",
  "message-square": "sms",
  bell: "push",
  send: "telegram",
  "message-circle": "whatsapp",
  globe: "webhook",
  link: "webhook",
  smartphone: "inapp",
  layout: "inapp",
  "calendar-clock": "calendar",
  funnel: "filter",
  layers: "cascade",
  zap: "bolt",
  "git-branch": "branch",
  "git-fork": "split",
  shuffle: "split",
  "user-pen": "edit",
  "user-cog": "edit",
  target: "flag",
  trophy: "flag",
  "log-out": "exit",
  hand: "play",
  "mouse-pointer": "play",
  timer: "hourglass",
};

export function Icon({ name, ...props }: { name: string } & SVGProps<SVGSVGElement>) {
  const d = PATHS[name] ?? PATHS[ALIASES[name] ?? ""] ?? PATHS.box;
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      {...props}
    >
      <path d={d} />
    </svg>
  );
}
