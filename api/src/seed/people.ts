import type { Prng } from "@omnijourney/shared";

const FIRST = [
  "Ada",
  "Alan",
  "Grace",
  "Linus",
  "Margaret",
  "Ken",
  "Barbara",
  "Dennis",
  "Frances",
  "Tim",
  "Sofia",
  "Mateo",
  "Yuki",
  "Hiro",
  "Amara",
  "Kwame",
  "Lena",
  "Jonas",
  "Priya",
  "Arjun",
  "Chloé",
  "Louis",
  "Isabella",
  "Lucas",
  "Olga",
  "Ivan",
  "Fatima",
  "Omar",
  "Mei",
  "Wei",
  "Ana",
  "João",
  "Emma",
  "Noah",
  "Zanele",
  "Thabo",
  "Ingrid",
  "Lars",
  "Aiyana",
  "Diego",
];
const LAST = [
  "Lovelace",
  "Turing",
  "Hopper",
  "Torvalds",
  "Hamilton",
  "Thompson",
  "Liskov",
  "Ritchie",
  "Allen",
  "Berners-Lee",
  "García",
  "Rossi",
  "Tanaka",
  "Sato",
  "Okafor",
  "Mensah",
  "Schmidt",
  "Müller",
  "Sharma",
  "Patel",
  "Dubois",
  "Martin",
  "Silva",
  "Costa",
  "Ivanova",
  "Petrov",
  "Haddad",
  "Nasser",
  "Chen",
  "Wang",
  "Nkosi",
  "Dlamini",
  "Larsen",
  "Berg",
  "Kowalski",
  "Novak",
];

/** Countries with a realistic time zone, locale and phone prefix, weighted roughly like a European-led SaaS. */
const PLACES = [
  { country: "DE", timezone: "Europe/Berlin", locale: "de-DE", phone: "+49151", weight: 16 },
  { country: "GB", timezone: "Europe/London", locale: "en-GB", phone: "+447700", weight: 12 },
  { country: "FR", timezone: "Europe/Paris", locale: "fr-FR", phone: "+33612", weight: 9 },
  { country: "ES", timezone: "Europe/Madrid", locale: "es-ES", phone: "+34612", weight: 6 },
  { country: "US", timezone: "America/New_York", locale: "en-US", phone: "+1212555", weight: 14 },
  { country: "US", timezone: "America/Los_Angeles", locale: "en-US", phone: "+1415555", weight: 8 },
  { country: "BR", timezone: "America/Sao_Paulo", locale: "pt-BR", phone: "+5511987", weight: 6 },
  { country: "IN", timezone: "Asia/Kolkata", locale: "en-IN", phone: "+9198765", weight: 8 },
  { country: "JP", timezone: "Asia/Tokyo", locale: "ja-JP", phone: "+8190123", weight: 5 },
  { country: "AU", timezone: "Australia/Sydney", locale: "en-AU", phone: "+61412", weight: 4 },
  { country: "ZA", timezone: "Africa/Johannesburg", locale: "en-ZA", phone: "+2782555", weight: 3 },
  { country: "RU", timezone: "Europe/Moscow", locale: "ru-RU", phone: "+7916555", weight: 4 },
  { country: "AE", timezone: "Asia/Dubai", locale: "ar-AE", phone: "+97150555", weight: 3 },
  { country: "PL", timezone: "Europe/Warsaw", locale: "pl-PL", phone: "+48601", weight: 2 },
] as const;

const PRODUCTS = [
  { sku: "TS-001", name: "Trail Shoes", category: "shoes", price: 129 },
  { sku: "JK-014", name: "Rain Jacket", category: "outerwear", price: 189 },
  { sku: "BP-220", name: "Daypack 22L", category: "bags", price: 89 },
  { sku: "SK-003", name: "Merino Socks", category: "accessories", price: 19 },
  { sku: "HT-010", name: "Sun Hat", category: "accessories", price: 29 },
  { sku: "TN-300", name: "Ultralight Tent", category: "camping", price: 349 },
  { sku: "SB-120", name: "Sleeping Bag", category: "camping", price: 219 },
  { sku: "BT-050", name: "Water Bottle", category: "accessories", price: 24 },
] as const;

export type SeedEvent = {
  event: string;
  properties: Record<string, unknown>;
  daysAgo: number;
  type?: "track" | "page";
};
export type Person = {
  userId: string | null;
  anonymousId: string;
  traits: Record<string, unknown>;
  consent: Record<
    string,
    {
      marketing: "subscribed" | "unsubscribed" | "unknown";
      transactional: "subscribed" | "unsubscribed" | "unknown";
    }
  >;
  events: SeedEvent[];
  createdDaysAgo: number;
};

const weighted = <T extends { weight: number }>(r: Prng, items: readonly T[]): T => {
  const total = items.reduce((a, i) => a + i.weight, 0);
  let x = r.next() * total;
  for (const i of items) {
    x -= i.weight;
    if (x <= 0) return i;
  }
  const last = items[items.length - 1];
  if (!last) throw new Error("empty list");
  return last;
};

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^\w-]/g, "")
    .toLowerCase();

/**
 * One realistic customer: identified (most) or anonymous visitors; channel addresses as they would arrive from
 * sign-up forms and apps; a purchase history shaped by a lifecycle stage (browser, cart abandoner, buyer, loyal, lapsed).
 */
export const person = (r: Prng, index: number): Person => {
  const place = weighted(r, PLACES);
  const first = r.pick(FIRST);
  const last = r.pick(LAST);
  const anonymousId = `anon-demo-${index.toString().padStart(5, "0")}`;
  const identified = r.chance(0.88);
  const userId = identified ? `user-demo-${index.toString().padStart(5, "0")}` : null;
  const stage = weighted(r, [
    { stage: "browser", weight: 25 },
    { stage: "cart", weight: 20 },
    { stage: "buyer", weight: 25 },
    { stage: "loyal", weight: 15 },
    { stage: "lapsed", weight: 15 },
  ] as const).stage;
  const createdDaysAgo = r.int(1, 400);
  const traits: Record<string, unknown> = {};
  const consent: Person["consent"] = {};
  if (identified) {
    traits.firstName = first;
    traits.lastName = last;
    traits.email = `${ascii(first)}.${ascii(last)}${index}@example.com`;
    traits.country = place.country;
    traits.timezone = place.timezone;
    traits.locale = place.locale;
    traits.plan = r.pick(["free", "free", "free", "plus", "pro"]);
    traits.signupSource = r.pick(["organic", "ads", "referral", "newsletter", "webinar"]);
    consent.email = {
      marketing: r.chance(0.9) ? "subscribed" : "unsubscribed",
      transactional: "subscribed",
    };
    if (r.chance(0.6)) {
      traits.phone = `${place.phone}${r.int(100000, 999999)}`;
      consent.sms = {
        marketing: r.chance(0.7) ? "subscribed" : "unknown",
        transactional: "subscribed",
      };
      if (r.chance(0.3))
        consent.whatsapp = { marketing: "subscribed", transactional: "subscribed" };
    }
    if (r.chance(0.35)) {
      traits.pushSubscriptions = [
        {
          endpoint: `https://push.example.invalid/sub/${index}`,
          keys: { p256dh: `demo-p256dh-${index}`, auth: `demo-auth-${index}` },
        },
      ];
      consent.push = { marketing: "subscribed", transactional: "subscribed" };
    }
    if (r.chance(0.15)) {
      traits.telegramChatId = String(100000000 + index);
      consent.telegram = { marketing: "subscribed", transactional: "subscribed" };
    }
    traits.preferredChannel = r.pick([
      "email",
      "email",
      "email",
      ...(traits.phone ? ["sms"] : []),
      ...(traits.pushSubscriptions ? ["push"] : []),
      ...(traits.telegramChatId ? ["telegram"] : []),
    ]);
  }
  const events: SeedEvent[] = [];
  const recent =
    stage === "lapsed"
      ? () => r.int(45, Math.max(46, createdDaysAgo))
      : () => r.int(0, Math.min(60, createdDaysAgo));
  for (let i = r.int(2, 12); i > 0; i--)
    events.push({
      event: "Page Viewed",
      type: "page",
      properties: { path: r.pick(["/", "/shop", "/blog", "/pricing", "/about"]) },
      daysAgo: recent(),
    });
  for (let i = r.int(1, 6); i > 0; i--) {
    const p = r.pick(PRODUCTS);
    events.push({
      event: "Product Viewed",
      properties: { sku: p.sku, name: p.name, category: p.category, price: p.price },
      daysAgo: recent(),
    });
  }
  if (identified)
    events.push({
      event: "Signed Up",
      properties: { source: traits.signupSource },
      daysAgo: createdDaysAgo,
    });
  const orders =
    stage === "buyer"
      ? r.int(1, 2)
      : stage === "loyal"
        ? r.int(3, 9)
        : stage === "lapsed"
          ? r.int(1, 3)
          : 0;
  for (let i = 0; i < orders; i++) {
    const p = r.pick(PRODUCTS);
    const quantity = r.int(1, 3);
    const daysAgo = recent();
    events.push({
      event: "Checkout Started",
      properties: { value: p.price * quantity, currency: "EUR" },
      daysAgo,
    });
    events.push({
      event: "Order Completed",
      properties: {
        orderId: `ord-${index}-${i}`,
        revenue: p.price * quantity,
        currency: "EUR",
        category: p.category,
      },
      daysAgo,
    });
  }
  if (stage === "cart") {
    const p = r.pick(PRODUCTS);
    events.push({
      event: "Added To Cart",
      properties: { sku: p.sku, name: p.name, price: p.price },
      daysAgo: r.int(0, 5),
    });
    events.push({
      event: "Checkout Started",
      properties: { value: p.price, currency: "EUR" },
      daysAgo: r.int(0, 3),
    });
  }
  if (identified && r.chance(0.2))
    events.push({
      event: "Webinar Registered",
      properties: {
        webinar: "Planning your first thru-hike",
        url: "https://example.com/webinar/thru-hike",
      },
      daysAgo: r.int(0, 30),
    });
  if (identified && r.chance(0.5))
    for (let i = r.int(1, 4); i > 0; i--)
      events.push({ event: "message_opened", properties: { channel: "email" }, daysAgo: recent() });
  if (identified) {
    const spent = events
      .filter((e) => e.event === "Order Completed")
      .reduce((a, e) => a + Number(e.properties.revenue ?? 0), 0);
    traits.lifetimeValue = spent;
    traits.orders = orders;
  }
  return { userId, anonymousId, traits, consent, events, createdDaysAgo };
};
