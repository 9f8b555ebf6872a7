import { mount } from 'svelte';
import App from './App.svelte';
import { keepSvelteBatchShape } from './lib/svelte-batch-shape';
import './styles.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

keepSvelteBatchShape();
export default mount(App, { target });
