// Wrap (not eject) of the mobile navbar sidebar: it keeps keyboard focus inside it (issue #23,
// WCAG 2.4.3 / 2.4.11). While it is open, everything behind it is `inert` (Tab no longer walks
// through the page hidden under the panel); focus starts on its close button and returns to the
// menu button when it closes; "← Back to main menu" puts focus on the main menu instead of letting
// it fall to <body> (Docusaurus makes the panel it leaves inert).
import React, { useEffect, useRef } from 'react';
import MobileSidebar from '@theme-original/Navbar/MobileSidebar';
import type MobileSidebarType from '@theme/Navbar/MobileSidebar';
import type { WrapperProps } from '@docusaurus/types';
import { useNavbarMobileSidebar, useNavbarSecondaryMenu } from '@docusaurus/theme-common/internal';

const lost = () => {
  const active = document.activeElement;
  return !active || active === document.body || active.closest('[inert]') !== null;
};

export default function MobileSidebarWrapper(
  props: WrapperProps<typeof MobileSidebarType>,
): React.JSX.Element {
  const { shown } = useNavbarMobileSidebar();
  const secondary = useNavbarSecondaryMenu();

  useEffect(() => {
    if (!shown) return;
    const sidebar = document.querySelector<HTMLElement>('.navbar-sidebar');
    const nav = sidebar?.parentElement;
    const root = document.getElementById('__docusaurus');
    if (!sidebar || !nav || !root) return;
    const behind = [
      ...[...root.children].filter((el) => el !== nav && !el.contains(nav)),
      ...[...nav.children].filter(
        (el) => el !== sidebar && !el.classList.contains('navbar-sidebar__backdrop'),
      ),
    ].filter((el): el is HTMLElement => el instanceof HTMLElement && !el.inert);
    for (const el of behind) el.inert = true;
    sidebar.querySelector<HTMLElement>('.navbar-sidebar__close')?.focus();
    return () => {
      for (const el of behind) el.inert = false;
      // Focus in the closing panel (it hides after its transition) or already lost: back to the toggle.
      if (sidebar.contains(document.activeElement) || lost())
        document.querySelector<HTMLElement>('.navbar__toggle')?.focus();
    };
  }, [shown]);

  const secondaryWasShown = useRef(secondary.shown);
  useEffect(() => {
    const back = secondaryWasShown.current && !secondary.shown;
    secondaryWasShown.current = secondary.shown;
    if (!back || !shown) return;
    // After the panel switch has rendered (the primary panel is no longer inert).
    requestAnimationFrame(() => {
      if (!lost()) return;
      const primary = document.querySelector('.navbar-sidebar__item:not([inert])');
      primary?.querySelector<HTMLElement>('a[href], button, select, input')?.focus();
    });
  }, [secondary.shown, shown]);

  return <MobileSidebar {...props} />;
}
