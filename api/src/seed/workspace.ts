/** The demo workspace's segments and journeys: three journeys from the field and the segments marketers start with. */
export const DEMO_SEGMENTS = [
  {
    _id: "s_demo_cart_abandoners",
    name: "Cart abandoners (7 days)",
    description: "Started a checkout in the last week without completing an order.",
    condition: {
      all: [
        { event: "Checkout Started", op: "performed", within: { amount: 7, unit: "day" } },
        { event: "Order Completed", op: "not_performed", within: { amount: 7, unit: "day" } },
      ],
    },
  },
  {
    _id: "s_demo_loyal",
    name: "Loyal customers",
    description: "Three or more orders.",
    condition: { event: "Order Completed", op: "count_gte", value: 3 },
  },
  {
    _id: "s_demo_lapsed",
    name: "Lapsed buyers",
    description: "Bought before, but not in the last 30 days.",
    condition: {
      all: [
        { event: "Order Completed", op: "performed" },
        { event: "Order Completed", op: "not_performed", within: { amount: 30, unit: "day" } },
      ],
    },
  },
  {
    _id: "s_demo_de_email",
    name: "Germany, email subscribers",
    description: "Customers in Germany who subscribed to marketing email.",
    condition: {
      all: [
        { attr: "country", op: "eq", value: "DE" },
        { attr: "consent.email", op: "eq", value: "subscribed" },
      ],
    },
  },
  {
    _id: "s_demo_telegram",
    name: "Reachable on Telegram",
    description: "Linked a Telegram chat.",
    condition: { attr: "telegramChatId", op: "exists", value: true },
  },
] as const;

const at = (x: number, y: number) => ({ x, y });

/** Abandoned cart: email first (cheapest), then push, then SMS, each after a response window; purchase ends it. */
const abandonedCart = {
  name: "Abandoned cart cascade",
  description: "Checkout started but no order: remind on email, escalate to push, then SMS.",
  nodes: [
    {
      id: "trigger",
      type: "trigger.event",
      name: "Checkout started",
      position: at(0, 0),
      config: { event: "Checkout Started" },
    },
    {
      id: "wait",
      type: "wait.event",
      name: "Order within an hour?",
      position: at(0, 140),
      config: { event: "Order Completed", timeout: { amount: 1, unit: "hour" } },
    },
    {
      id: "cascade",
      type: "message.cascade",
      name: "Cart reminder",
      position: at(220, 300),
      config: {
        order: "listed",
        steps: [
          {
            channel: "email",
            window: { amount: 4, unit: "hour" },
            content: {
              subject: "{{ profile.firstName | default: 'Hi' }}, your cart is waiting",
              body: '<p>You left items worth {{ event.properties.value }} {{ event.properties.currency }} in your cart.</p><p><a href="https://shop.example.com/cart">Finish your order</a></p>',
            },
          },
          {
            channel: "push",
            window: { amount: 4, unit: "hour" },
            content: {
              title: "Still thinking it over?",
              body: "Your cart is saved: finish checkout in one tap.",
              url: "https://shop.example.com/cart",
            },
          },
          {
            channel: "sms",
            window: { amount: 1, unit: "day" },
            content: {
              text: "{{ profile.firstName }}, your cart expires soon: https://shop.example.com/cart",
            },
          },
        ],
      },
    },
    { id: "done", type: "exit", name: "Bought", position: at(-220, 300), config: {} },
    { id: "responded", type: "exit", name: "Responded", position: at(60, 600), config: {} },
    { id: "exhausted", type: "exit", name: "No response", position: at(400, 600), config: {} },
  ],
  edges: [
    { id: "e1", source: "trigger", target: "wait" },
    { id: "e2", source: "wait", sourceHandle: "received", target: "done" },
    { id: "e3", source: "wait", sourceHandle: "timeout", target: "cascade" },
    { id: "e4", source: "cascade", sourceHandle: "responded", target: "responded" },
    { id: "e5", source: "cascade", sourceHandle: "exhausted", target: "exhausted" },
  ],
  settings: {
    reentry: "after_exit",
    goal: {
      event: "Order Completed",
      within: { amount: 7, unit: "day" },
      revenueProperty: "revenue",
    },
    exitOn: [{ event: "Order Completed" }],
  },
};

/** Webinar reminder (DESIGN.md's example): email, then Telegram when the email was not opened within a day. */
const webinarReminder = {
  name: "Webinar reminder",
  description: "Confirm by email; if it is not opened within a day, remind on Telegram.",
  nodes: [
    {
      id: "trigger",
      type: "trigger.event",
      name: "Registered",
      position: at(0, 0),
      config: { event: "Webinar Registered" },
    },
    {
      id: "email",
      type: "message.email",
      name: "Confirmation",
      position: at(0, 140),
      config: {
        subject: "See you at the webinar, {{ profile.firstName | default: 'friend' }}",
        body: '<p>You are registered for <b>{{ event.properties.webinar }}</b>.</p><p><a href="{{ event.properties.url }}">Add it to your calendar</a></p>',
        category: "transactional",
      },
    },
    {
      id: "wait",
      type: "wait.event",
      name: "Opened?",
      position: at(0, 280),
      config: { event: "message_opened", timeout: { amount: 1, unit: "day" } },
    },
    {
      id: "telegram",
      type: "message.telegram",
      name: "Telegram reminder",
      position: at(220, 420),
      config: {
        text: "Reminder: {{ event.properties.webinar }} starts soon. Link: {{ event.properties.url }}",
      },
    },
    { id: "opened", type: "exit", name: "Opened", position: at(-220, 420), config: {} },
    { id: "end", type: "exit", name: "Reminded", position: at(220, 560), config: {} },
  ],
  edges: [
    { id: "e1", source: "trigger", target: "email" },
    { id: "e2", source: "email", target: "wait" },
    { id: "e3", source: "wait", sourceHandle: "received", target: "opened" },
    { id: "e4", source: "wait", sourceHandle: "timeout", target: "telegram" },
    { id: "e5", source: "telegram", target: "end" },
  ],
  settings: { reentry: "always" },
};

/** Welcome series: an A/B test of the first subject line, a follow-up two days later, and a purchase goal. */
const welcomeSeries = {
  name: "Welcome series",
  description: "A/B test of the welcome subject line; conversion = first order within 14 days.",
  nodes: [
    {
      id: "trigger",
      type: "trigger.event",
      name: "Signed up",
      position: at(0, 0),
      config: { event: "Signed Up" },
    },
    {
      id: "ab",
      type: "experiment.split",
      name: "Subject line test",
      position: at(0, 140),
      config: {
        variants: [
          { id: "A", name: "Friendly", weight: 50 },
          { id: "B", name: "Offer", weight: 50 },
        ],
        holdout: 10,
        control: "A",
      },
    },
    {
      id: "welcomeA",
      type: "message.email",
      name: "Welcome (friendly)",
      position: at(-220, 300),
      config: {
        subject: "Welcome aboard, {{ profile.firstName | default: 'friend' }}!",
        body: '<p>Great to have you. <a href="https://shop.example.com/new">See what is new</a>.</p>',
      },
    },
    {
      id: "welcomeB",
      type: "message.email",
      name: "Welcome (offer)",
      position: at(220, 300),
      config: {
        subject: "{{ profile.firstName | default: 'Hi' }}, 10% off your first order",
        body: '<p>Use code WELCOME10. <a href="https://shop.example.com/new">Shop now</a>.</p>',
      },
    },
    {
      id: "pause",
      type: "wait.duration",
      name: "Two days later",
      position: at(0, 460),
      config: { amount: 2, unit: "day" },
    },
    {
      id: "followup",
      type: "message.email",
      name: "Tips",
      position: at(0, 600),
      config: {
        subject: "Three trails to start with",
        body: '<p>Our favourite beginner routes. <a href="https://example.com/blog/trails">Read</a></p>',
      },
    },
    { id: "end", type: "exit", name: "Done", position: at(0, 740), config: {} },
  ],
  edges: [
    { id: "e1", source: "trigger", target: "ab" },
    { id: "e2", source: "ab", sourceHandle: "A", target: "welcomeA" },
    { id: "e3", source: "ab", sourceHandle: "B", target: "welcomeB" },
    { id: "e4", source: "welcomeA", target: "pause" },
    { id: "e5", source: "welcomeB", target: "pause" },
    { id: "e6", source: "pause", target: "followup" },
    { id: "e7", source: "followup", target: "end" },
  ],
  settings: {
    reentry: "never",
    goal: {
      event: "Order Completed",
      within: { amount: 14, unit: "day" },
      revenueProperty: "revenue",
    },
  },
};

export const DEMO_JOURNEYS = [
  { _id: "j_demo_abandoned_cart", document: abandonedCart, liveEvent: "Checkout Started" },
  { _id: "j_demo_webinar", document: webinarReminder, liveEvent: "Webinar Registered" },
  { _id: "j_demo_welcome", document: welcomeSeries, liveEvent: "Signed Up" },
] as const;
