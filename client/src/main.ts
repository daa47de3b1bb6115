// The explorer's entry point: styles, then the controller, then the view from the URL.
import './styles.css';
import { bindKeys } from './commands.js';
import { Explorer } from './app.js';

const explorer = new Explorer();
bindKeys();
explorer.start();
