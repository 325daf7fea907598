import type { JourneyDocument } from "../api/types.js";

export type JourneyTemplate = {
  id: string;
  title: string;
  description: string;
  document: JourneyDocument;
};

const settings = { reentry: "never", exitOn: [] };

/** Starting points offered by "New journey", shaped like the demo workspace's journeys. */
export const journeyTemplates: JourneyTemplate[] = [
  {
    id: "blank",
    title: "Blank journey",
    description: "An empty canvas.",
    document: { name: "Untitled journey", nodes: [], edges: [], settings },
  },
  {
    id: "webinar",
    title: "Webinar reminder",
    description:
      "Email on registration; if it is not opened within a day, send the link on Telegram.",
    document: {
      name: "Webinar reminder",
      nodes: [
        {
          id: "t",
          type: "trigger.event",
          position: { x: 0, y: 0 },
          config: { event: "webinar_registered" },
        },
        {
          id: "m1",
          type: "message.email",
          position: { x: 0, y: 140 },
          config: {
            subject: "See you at the webinar, {{ profile.firstName }}",
            body: "Here is your link: {{ event.properties.url }}",
          },
        },
        {
          id: "w",
          type: "wait.event",
          position: { x: 0, y: 280 },
          config: { event: "email_opened", timeout: { amount: 1, unit: "day" } },
        },
        {
          id: "m2",
          type: "message.telegram",
          position: { x: 200, y: 420 },
          config: { text: "Your webinar link: {{ event.properties.url }}" },
        },
        { id: "x", type: "exit", position: { x: 0, y: 560 }, config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "m1" },
        { id: "e2", source: "m1", target: "w" },
        { id: "e3", source: "w", sourceHandle: "received", target: "x" },
        { id: "e4", source: "w", sourceHandle: "timeout", target: "m2" },
        { id: "e5", source: "m2", target: "x" },
      ],
      settings,
    },
  },
  {
    id: "abandoned-cart",
    title: "Abandoned cart",
    description: "Remind after an hour; branch on cart value; stop when they buy.",
    document: {
      name: "Abandoned cart",
      nodes: [
        {
          id: "t",
          type: "trigger.event",
          position: { x: 0, y: 0 },
          config: { event: "cart_abandoned" },
        },
        {
          id: "w",
          type: "wait.duration",
          position: { x: 0, y: 140 },
          config: { amount: 1, unit: "hour" },
        },
        {
          id: "b",
          type: "branch.condition",
          position: { x: 0, y: 280 },
          config: { condition: { all: [{ attr: "lifetimeValue", op: "gte", value: 100 }] } },
        },
        {
          id: "m1",
          type: "message.email",
          position: { x: -160, y: 420 },
          config: {
            subject: "Your cart is waiting, {{ profile.firstName }}",
            body: "Complete your order today.",
          },
        },
        {
          id: "m2",
          type: "message.push",
          position: { x: 160, y: 420 },
          config: { title: "Still thinking?", body: "Your cart is saved." },
        },
        { id: "x", type: "exit", position: { x: 0, y: 560 }, config: {} },
      ],
      edges: [
        { id: "e1", source: "t", target: "w" },
        { id: "e2", source: "w", target: "b" },
        { id: "e3", source: "b", sourceHandle: "yes", target: "m1" },
        { id: "e4", source: "b", sourceHandle: "no", target: "m2" },
        { id: "e5", source: "m1", target: "x" },
        { id: "e6", source: "m2", target: "x" },
      ],
      settings: {
        ...settings,
        goal: { event: "order_completed", within: { amount: 3, unit: "day" } },
        exitOn: [{ event: "order_completed" }],
      },
    },
  },
];
