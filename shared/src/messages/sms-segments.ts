/** The GSM 03.38 basic character set (one septet each). */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** The GSM 03.38 extension table: each costs two septets (escape + character). */
const GSM_EXTENDED = "^{}\\[~]|€\f";

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

/** How an SMS is encoded and how many parts a carrier bills for it. */
export type SmsSegments = {
  /** GSM-7 when every character is in the GSM 03.38 alphabet, else UCS-2 (Unicode). */
  encoding: "GSM-7" | "UCS-2";
  /** Code units as the carrier counts them: septets for GSM-7, UTF-16 units for UCS-2. */
  units: number;
  /** Parts sent (and billed): 160/70 fit one; longer messages split at 153/67 per part. */
  segments: number;
  /** The capacity of one part at this length (160, 153, 70 or 67). */
  perSegment: number;
};

/** Counts the parts of an SMS text the way carriers do (GSM 03.38 septets, or UCS-2 for anything else). */
export function smsSegments(text: string): SmsSegments {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (basic.has(ch)) septets += 1;
    else if (extended.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) {
    const perSegment = septets <= 160 ? 160 : 153;
    return {
      encoding: "GSM-7",
      units: septets,
      segments: Math.max(1, Math.ceil(septets / perSegment)),
      perSegment,
    };
  }
  const units = text.length;
  const perSegment = units <= 70 ? 70 : 67;
  return {
    encoding: "UCS-2",
    units,
    segments: Math.max(1, Math.ceil(units / perSegment)),
    perSegment,
  };
}
