/**
 * What the text around a run says about it: a phone label before it ("Tel", "☎", "電話"), an
 * identifier or amount label ("Order #", "Invoice", "ISBN", "USD", "合計"), or letters glued on
 * (`INV-2024…`, `v10.2.3`, `abc5551234567`), which make it a code rather than a number.
 */
import { isDigit, isLetter, isUnspacedLetter, isWordLetter } from './chars';

export enum Cue {
  /** Nothing telling. */
  None = 0,
  /** Labelled as a phone number: shapes that merely look like something else are allowed. */
  Phone = 1,
  /** An identifier, amount, code or measure: never a phone number. */
  Reject = 2,
  /**
   * The run's first digits continue a code or figure before it ("V6B 1A1 604…", "1,234567",
   * "14:30 …"): its first chunk is no number, the rest of the run may hold one.
   */
  Continued = 3,
}

type Kind = 'phone' | 'id' | 'qualifier';

/**
 * Whole words (lower case): phone labels, id / amount / currency labels (one kind: both reject), and
 * qualifiers looked past ("Phone no.", "Order number", "call me at").
 */
const WORDS = new Map<string, Kind>();
const add = (kind: Kind, words: string) => {
  for (const w of words.split(' ')) WORDS.set(w, kind);
};
add(
  'phone',
  'tel tél tlf tlfn tfn tfno telf tf fon fone ph phone phones cep telephone téléphone teléfono telefone telefoon ' +
    'puhelin mob mobile mobil mobiel móvil movil cell cellphone cel celular cellulare cellulaire portable ' +
    'handy gsm fax telefax téléc whatsapp whats sms call dial hotline helpline switchboard direct dir ' +
    'kom komórka t m f p h w d c ramal тел телефон моб мобильный факс сот τηλ κιν هاتف جوال ' +
    'موبايل فاكس טל נייד פקס',
);
add(
  'id',
  'id ids ref inv po sku sn ean upc gtin isbn issn iban bic swift vat tin ssn nif cif nie cpf cnpj rfc curp ' +
    'pan gst ust ustid piva iva cf ord case pnr awb otp pin code zip zipcode postcode postal plz cap cp ' +
    'aadhaar aadhar uid uan abn acn ein itin cvr kvk siret siren rcs ico ičo dič vkn tckn ' +
    'kd kdnr mrn tkt item txn trx batch lot model part ver version v build rev page pag room suite apt ' +
    'unit box pobox ext ticket order invoice receipt transaction tracking shipment parcel package booking ' +
    'reservation confirmation conf policy claim account acct acc contract ' +
    'serial imei mac nip regon krs pesel inn ogrn okpo kpp snils бик счет счёт заказ инн огрн кпп ' +
    'total subtotal amount sum price cost balance betrag summe preis gesamt importo prezzo totale montant ' +
    'prix importe precio valor preço salary revenue budget qty quantity usd eur gbp chf jpy cny rmb inr brl ' +
    'mxn aud cad zar rub pln sek nok dkk try aed krw sgd hkd nzd rs rp idr php thb vnd fr kr zł zl ' +
    'euro euros dollar dollars pesos reais rupees yen yuan lei ft kč kc',
);
add(
  'qualifier',
  'no nr n nº num number nummer numero número numer numéro nro is at on of the a an des du de di del ' +
    'da do la le el und and or oder ou o ve và и или',
);

/** Word beginnings and endings, for compounds ("Telefonnummer", "Rechnungsnummer", "workphone"). */
const PHONE_STEM = /^(?:tel|phone|fax|mobil|handy|cell|ruf|whats)|(?:telefon|phone|fax|festnetz|mobil|handy)/;
const ID_STEM =
  /^(?:order|ordre|invoice|rechnung|bestell|kunden|auftrag|artikel|ticket|track|sendung|steuer|referen|vertrag|fattur|fatur|faktur|factuur|ordin|pedido|encomend|factur|commande|transac|receipt|quot|contract|polic|claim|account|konto|iban|isbn|serial|confirm|booking|reserv|shipment|parcel|barcode|sku|postleit|matric|vorgang|codice|c[oó]digo|cod|bestilling|beställ|tilaus|lasku|rachun|zamówien|zamowien|sipari[sş]|objednáv|számla|comand|счет|счёт|заказ|накладн|догов)/;

/** Keywords of unspaced scripts, matched as the end of the preceding letters. */
const CJK_PHONE = [
  '電話',
  '电话',
  '電話機',
  '携帯',
  '携帯電話',
  'ケータイ',
  '手机',
  '手機',
  '座机',
  '传真',
  '傳真',
  'ファックス',
  'ファクス',
  '전화',
  '휴대폰',
  '핸드폰',
  '휴대전화',
  '팩스',
  '연락처',
  '联系方式',
  '連絡先',
  '代表',
  '直通',
  '内線',
  '問い合わせ',
  '問合せ',
  'โทร',
  'โทรศัพท์',
  'มือถือ',
];
const CJK_REJECT = [
  '注文',
  '订单',
  '訂單',
  '伝票',
  '請求書',
  '請求',
  '发票',
  '發票',
  '주문',
  '송장',
  '郵便',
  '〒',
  '会員',
  '顧客',
  '客户',
  '口座',
  '账号',
  '帳號',
  '账户',
  '카드',
  '운송장',
  '追跡',
  '金額',
  '価格',
  '合計',
  '总计',
  '合计',
  '金额',
  '价格',
  '价钱',
  '금액',
  '가격',
  '합계',
  '우편',
  '身份证',
  '邮编',
  '郵編',
  '票号',
  '单号',
];
const CJK_QUALIFIER = /(?:番号|号码|號碼|번호|编号|編號|号|號)$/;

/** Symbols that label what follows as a phone number (☎ ☏ ✆ ℡ 📞 📱 📠). */
function isPhoneSymbol(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (c === 0x260e || c === 0x260f || c === 0x2706 || c === 0x2121) return true;
  if (c >= 0xdc00 && c <= 0xdfff && i > 0 && t.charCodeAt(i - 1) === 0xd83d) {
    return c === 0xdcde || c === 0xdcf1 || c === 0xdce0 || c === 0xdcf2;
  }
  return false;
}

/** Currency signs and other symbols whose number is an amount or an id. */
function isRejectSymbol(c: number): boolean {
  return (
    c === 36 || // $
    c === 64 || // @
    c === 37 || // %
    c === 0xa3 || // £
    c === 0xa5 || // ¥
    c === 0x20ac || // €
    c === 0x20b9 || // ₹
    c === 0x20bd || // ₽
    c === 0x20a9 || // ₩
    c === 0x20ba || // ₺
    c === 0x20b1 || // ₱
    c === 0x3012 || // 〒
    c === 0x5186 || // 円
    c === 0x5143 // 元
  );
}

/** Characters skipped between a label and its number ("Tel.: ", "Phone (mobile) - "). */
function isLabelPunctuation(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === 58 || // :
    c === 46 || // .
    c === 44 || // ,
    c === 59 || // ;
    c === 61 || // =
    c === 45 || // -
    c === 40 ||
    c === 41 ||
    c === 91 ||
    c === 93 ||
    c === 124 || // |
    c === 62 || // >
    c === 42 || // *
    c === 34 ||
    c === 39 ||
    c === 0xbb || // »
    c === 0x3001 || // 、
    c === 0x3002 // 。
  );
}

function classify(word: string): Kind | undefined {
  const kind = WORDS.get(word);
  if (kind) return kind;
  if (PHONE_STEM.test(word)) return 'phone';
  if (ID_STEM.test(word)) return 'id';
  return undefined;
}

function classifyUnspaced(word: string): Kind | 'none' {
  const w = word.replace(CJK_QUALIFIER, '');
  for (const k of CJK_PHONE) if (w.endsWith(k)) return 'phone';
  for (const k of CJK_REJECT) if (w.endsWith(k)) return 'id';
  return w.length < word.length && w.length === 0 ? 'qualifier' : 'none';
}

/** Start of the letters ending at `end` (exclusive), at most `max` of them. */
function wordStart(t: string, end: number, test: (c: number) => boolean, max: number): number {
  let i = end;
  while (i > 0 && end - i < max && test(t.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * The cue given by the text before `start` (the first character of a run). Letters glued to the
 * run, or glued through `-` `.` `/` `_`, make it part of a code, unless they spell a phone label
 * ("Tel.0212345678").
 */
export function cueBefore(t: string, start: number): Cue {
  if (start === 0) return Cue.None;
  const c = t.charCodeAt(start - 1);
  if (isWordLetter(c)) return gluedWord(t, start);
  if (c === 95 || c === 92 || c === 61 || c === 38 || c === 126) return Cue.Reject; // _ \ = & ~
  if (start > 1) {
    const b = t.charCodeAt(start - 2);
    if ((c === 45 || c === 46 || c === 47) && isWordLetter(b)) return gluedWord(t, start - 1);
    // A decimal or thousands part ("0,1234567", "12:3456789"), but not a list ("5551234567,5559876543").
    if ((c === 44 || c === 58 || c === 46) && isDigit(b)) {
      return start - 1 - wordStart(t, start - 1, isDigit, 4) <= 3 ? Cue.Continued : Cue.None;
    }
  }
  if (continuesIban(t, start)) return Cue.Reject;
  return labelBefore(t, start);
}

const isUpperAlnum = (c: number): boolean => (c >= 65 && c <= 90) || isDigit(c);

/**
 * The run continues an IBAN printed in blocks: `NL91 ABNA 0417 1643 00`, `GB29 NWBK 6016 1331 9268 19`.
 * Walks back over four-character upper-case blocks to the country code and check digits.
 */
function continuesIban(t: string, start: number): boolean {
  let i = start;
  for (let blocks = 0; blocks < 8; blocks++) {
    if (t.charCodeAt(i - 1) !== 32) return false;
    const end = i - 1;
    const s = wordStart(t, end, isUpperAlnum, 5);
    if (end - s !== 4) return false;
    const a = t.charCodeAt(s);
    const b = t.charCodeAt(s + 1);
    if (a >= 65 && b >= 65 && isDigit(t.charCodeAt(s + 2)) && isDigit(t.charCodeAt(s + 3))) return true;
    i = s;
  }
  return false;
}

function gluedWord(t: string, end: number): Cue {
  const s = wordStart(t, end, isWordLetter, 24);
  const kind = classify(t.slice(s, end).toLowerCase());
  return kind === 'phone' && end - s > 1 ? Cue.Phone : Cue.Continued;
}

/** Looks back over label punctuation, symbols and up to three words for a telling label. */
function labelBefore(t: string, start: number): Cue {
  let i = start;
  // A `#` or `№` right before a number marks an id ("Order #123", "#4815162342") unless a phone
  // label comes before it ("Phone #: 555 123 4567").
  let numberSign = false;
  for (let words = 0; words < 3; words++) {
    let skipped = 0;
    while (i > 0 && skipped < 12) {
      const c = t.charCodeAt(i - 1);
      if (isPhoneSymbol(t, i - 1)) return Cue.Phone;
      if (isRejectSymbol(c)) return Cue.Reject;
      if (c === 35 || c === 0x2116) numberSign = true;
      else if (!isLabelPunctuation(c)) break;
      i--;
      skipped++;
    }
    const none = numberSign ? Cue.Reject : Cue.None;
    if (i === 0) return none;
    const c = t.charCodeAt(i - 1);
    let kind: Kind | 'none' | undefined;
    let s: number;
    if (isWordLetter(c)) {
      s = wordStart(t, i, isWordLetter, 24);
      kind = classify(t.slice(s, i).toLowerCase());
    } else if (isUnspacedLetter(c)) {
      s = wordStart(t, i, isUnspacedLetter, 8);
      kind = classifyUnspaced(t.slice(s, i));
    } else {
      return none;
    }
    if (kind === 'phone') return Cue.Phone;
    if (kind === 'id') return Cue.Reject;
    if (kind !== 'qualifier') return none;
    i = s;
  }
  return numberSign ? Cue.Reject : Cue.None;
}

/** Words after a number that make it an amount or a measure. */
const UNIT_AFTER =
  /^[ \t]{0,2}(?:%|‰|€|\$|£|¥|₹|₽|₩|円|元|圓|원|万|億|(?:usd|eur|euros?|gbp|chf|jpy|cny|rmb|inr|brl|mxn|aud|cad|zar|rub|pln|sek|nok|dkk|try|aed|krw|sgd|hkd|nzd|dollars?|pesos|reais|rupees|yen|yuan|kr|zł|zl|lei|ft|kč|pcs|units|items|bytes|kb|mb|gb|km|kg|mi|pts|points|votes|views|users|visits)(?![\p{L}\d]))/iu;

/**
 * Whether the text at `end` (just past a run and its extension) makes the run an amount or a
 * measure, or glues letters or id symbols onto it.
 */
export function rejectedAfter(t: string, end: number): boolean {
  if (end >= t.length) return false;
  const c = t.charCodeAt(end);
  if (isWordLetter(c)) return true;
  if (c === 95 || c === 64 || c === 37 || c === 0x2030) return true; // _ @ % ‰
  if (c === 45 && isLetter(t.charCodeAt(end + 1))) return true; // 415-555-2671-A
  const next = t.charCodeAt(end + (c === 32 ? 1 : 0));
  if (next < 0x80 && !(next === 37 || next === 36) && !isWordLetter(next)) return false;
  return UNIT_AFTER.test(t.slice(end, end + 12));
}
