// The 404 message in both interface languages.
import { messages } from "@/lib/i18n/messages";
import { StatusPage } from "./status-page";

export function NotFoundContent() {
  const en = messages("en").notFound;
  const ko = messages("ko").notFound;
  return <StatusPage code={404} en={en} ko={ko} link={{ href: "/", en: en.home, ko: ko.home }} />;
}
