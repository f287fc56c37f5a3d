// Adds the environment picker as a navbar item type (`type: 'custom-environmentPicker'`), keeping every original type.
import ComponentTypes from '@theme-original/NavbarItem/ComponentTypes';
import EnvironmentPicker from '@site/src/components/EnvironmentPicker';

export default {
  ...ComponentTypes,
  'custom-environmentPicker': EnvironmentPicker,
};
