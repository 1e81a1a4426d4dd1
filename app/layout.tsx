import type { Metadata } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { AccountMenu } from "@/components/auth/account-menu";

export const metadata: Metadata = {
  title: { default: "Urban Policy Knowledge Platform", template: "%s · Urban Policy Knowledge Platform" },
  description:
    "Cities share urban policies that work: the problem, what they did, budget, staff, stakeholders, timeline, obstacles and results, tagged with the UN Sustainable Development Goals.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader accountSlot={<AccountMenu />} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-slate-50">
          <div className="mx-auto max-w-6xl px-4 py-6 text-sm text-slate-700">
            <p>
              An open platform where cities share urban policies that work, following the Urban SDG Knowledge Platform
              of Seoul, UNESCAP and CityNet.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
